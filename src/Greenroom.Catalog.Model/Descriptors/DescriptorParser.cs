using System.Text;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// Reads YAML (multi-document) or JSON descriptor text into entity documents, enforcing <see cref="DescriptorLimits"/>.
/// Pure: no file or network access; <c>$text</c>/<c>$json</c>/<c>$yaml</c> placeholders are left for the caller to resolve.
/// Scalars are typed by the YAML 1.2 core schema, like Backstage's <c>yaml</c> package. Unlike Backstage, a
/// syntax error only loses the document it is in: reading resumes at the next <c>---</c> marker.
/// </summary>
public sealed class DescriptorParser(DescriptorLimits limits)
{
    /// <summary>A parser with the default limits.</summary>
    public DescriptorParser()
        : this(DescriptorLimits.Default)
    {
    }

    /// <summary>The limits this parser enforces.</summary>
    public DescriptorLimits Limits { get; } = limits;

    /// <summary>Parses <paramref name="content"/>, naming <paramref name="file"/> in every position and problem.</summary>
    public DescriptorParseResult Parse(string content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(file);
        var state = new YamlReadState(Limits, file);
        if (SizeProblem(content, file) is { } tooBig)
        {
            return new DescriptorParseResult([], [tooBig]);
        }

        // Most files are only plain block documents, read directly at a fraction of YamlDotNet's cost; any other file
        // is read by YamlDotNet alone (see BlockYamlReader for why all or nothing).
        var start = SkipByteOrderMark(content);
        if (BlockYamlReader.TryRead(state, content, start))
        {
            return new DescriptorParseResult(state.Documents, state.Problems);
        }

        var reader = new YamlStreamReader(state, singleValue: false);
        var startLine = 1;
        while (!state.Stopped && start < content.Length)
        {
            // Deep flow nesting is cut out before YamlDotNet sees it (see FlowDepthGuard); the rest is read around it.
            var tooDeep = FlowDepthGuard.Find(content, start, startLine, FlowDepthThreshold);
            var end = tooDeep is { } at ? StartOfDocument(content, start, at.Index) : content.Length;
            ReadSegment(reader, state, content, start, end, startLine);
            if (tooDeep is not { } deep || state.Stopped)
            {
                break;
            }

            state.DocumentOrdinal++;
            state.NonEmptyDocuments++;
            state.AddProblem($"Document {state.DocumentOrdinal}: {DepthMessage}", deep.Line, deep.Column);
            if (!TryFindNextDocumentMarker(content, deep.Index, deep.Line, deep.Line + 1, content.Length, out start, out startLine))
            {
                break;
            }
        }

        return new DescriptorParseResult(state.Documents, state.Problems);
    }

    private string DepthMessage => $"Nesting is deeper than the limit of {Limits.MaxDepth} levels (MaxDepth)";

    // Twice the real limit: the pre-scan only approximates YAML, and nesting up to this costs YamlDotNet little.
    private int FlowDepthThreshold => Math.Max(2 * Limits.MaxDepth, 16);

    private static void ReadSegment(YamlStreamReader reader, YamlReadState state, string content, int start, int end, int startLine)
    {
        while (!state.Stopped && start < end)
        {
            var errorLine = reader.Read(content, start, end, startLine - 1);
            if (errorLine is null || !TryFindNextDocumentMarker(content, start, startLine, Math.Max(errorLine.Value, startLine + 1), end, out start, out startLine))
            {
                break;
            }
        }
    }

    /// <summary>The start of the <c>---</c> line that opens the document holding <paramref name="index"/>, or <paramref name="start"/>.</summary>
    private static int StartOfDocument(string content, int start, int index)
    {
        var position = index;
        while (true)
        {
            var newline = position > 0 ? content.LastIndexOf('\n', position - 1) : -1;
            var lineStart = newline + 1;
            if (lineStart < start)
            {
                return start;
            }

            if (FlowDepthGuard.IsDocumentMarker(content, lineStart))
            {
                return lineStart;
            }

            if (newline < 0)
            {
                return start;
            }

            position = newline;
        }
    }

    /// <summary>Parses a single YAML or JSON value (for <c>$yaml</c>/<c>$json</c> placeholders) into JSON.</summary>
    public DescriptorValueResult ParseValue(string content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(file);
        if (SizeProblem(content, file) is { } tooBig)
        {
            return new DescriptorValueResult(null, tooBig);
        }

        if (FlowDepthGuard.Find(content, 0, 1, FlowDepthThreshold) is { } deep)
        {
            return new DescriptorValueResult(null, new CatalogProblem(DepthMessage, file, deep.Line, deep.Column));
        }

        var state = new YamlReadState(Limits, file);
        var reader = new YamlStreamReader(state, singleValue: true);
        reader.Read(content, SkipByteOrderMark(content), content.Length, 0);
        return state.Problems.Count > 0
            ? new DescriptorValueResult(null, state.Problems[0])
            : new DescriptorValueResult(reader.Value, null);
    }

    // A UTF-8 BOM decoded into the string would otherwise become part of the first key.
    private static int SkipByteOrderMark(string content) => content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;

    private CatalogProblem? SizeProblem(string content, string file)
    {
        // Every char is at least one UTF-8 byte and at most three, so most sizes are known without counting.
        var max = Limits.MaxFileBytes;
        long bytes = content.Length > max ? content.Length
            : (long)content.Length * 3 <= max ? 0
            : Encoding.UTF8.GetByteCount(content);
        return bytes > max
            ? new CatalogProblem($"The file is larger than the limit of {max} bytes (MaxFileBytes); it was not read", file, 1, 1)
            : null;
    }

    /// <summary>
    /// Finds the first line at or after <paramref name="fromLine"/> that starts with a <c>---</c> document marker.
    /// A marker at column 1 always ends the previous document in YAML, so resuming there is safe.
    /// </summary>
    private static bool TryFindNextDocumentMarker(string content, int start, int startLine, int fromLine, int end, out int markerIndex, out int markerLine)
    {
        var index = start;
        var line = startLine;
        while (index < end)
        {
            if (line >= fromLine && FlowDepthGuard.IsDocumentMarker(content, index))
            {
                markerIndex = index;
                markerLine = line;
                return true;
            }

            var newline = content.IndexOf('\n', index);
            if (newline < 0)
            {
                break;
            }

            index = newline + 1;
            line++;
        }

        markerIndex = content.Length;
        markerLine = line;
        return false;
    }
}
