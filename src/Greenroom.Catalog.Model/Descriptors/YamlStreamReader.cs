using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// Reads the documents of one YAML stream (from an offset of the file) into <see cref="YamlReadState"/>.
/// Returns the 1-based line of a syntax error, so the caller can resume at the next document marker.
/// </summary>
internal sealed class YamlStreamReader(YamlReadState state, bool singleValue)
{
    /// <summary>The value read in single-value mode.</summary>
    public JsonNode? Value { get; private set; }

    /// <summary>Reads [<paramref name="start"/>, <paramref name="end"/>); returns the error line, or null when the stream ended cleanly or reading stopped.</summary>
    public int? Read(string content, int start, int end, int lineOffset)
    {
        var parser = new Parser(StringSliceReader.Open(content, start, end));
        YamlDocumentBuilder? document = null;
        var documentLine = 1;
        var documentColumn = 1;
        var lastLine = 1 + lineOffset;
        try
        {
            while (!state.Stopped && parser.MoveNext())
            {
                lastLine = (int)parser.Current!.End.Line + lineOffset;
                switch (parser.Current)
                {
                    case DocumentStart documentStart:
                        state.DocumentOrdinal++;
                        documentLine = (int)documentStart.Start.Line + lineOffset;
                        documentColumn = (int)documentStart.Start.Column;
                        if (!singleValue && state.DocumentOrdinal > state.Limits.MaxDocuments)
                        {
                            state.AddProblem($"The file has more than {state.Limits.MaxDocuments} YAML documents (MaxDocuments); reading stopped", documentLine, documentColumn);
                            state.Stopped = true;
                            return null;
                        }

                        if (singleValue && state.DocumentOrdinal > 1)
                        {
                            state.AddProblem("Expected a single YAML or JSON value, but found more than one document", documentLine, documentColumn);
                            state.Stopped = true;
                            return null;
                        }

                        document = new YamlDocumentBuilder(state, lineOffset);
                        break;
                    case DocumentEnd:
                        if (document is not null)
                        {
                            Finish(document, documentLine, documentColumn);
                        }

                        document = null;
                        break;
                    case StreamStart or StreamEnd:
                        break;
                    case { } other:
                        document?.Accept(other);
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            return SyntaxError(document, Describe(exception), (int)exception.Start.Line + lineOffset, (int)exception.Start.Column);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner occasionally fails this way on malformed input; it is still the input's fault, not ours.
            return SyntaxError(document, $"the YAML could not be read after this line ({exception.Message})", lastLine, 1);
        }

        return null;
    }

    private int SyntaxError(YamlDocumentBuilder? document, string message, int line, int column)
    {
        line = Math.Max(line, 1);
        if (document is not null)
        {
            state.NonEmptyDocuments++;
        }

        var where = singleValue ? "YAML syntax error" : $"YAML syntax error in document {Math.Max(state.DocumentOrdinal, 1)}";
        state.AddProblem($"{where}: {message}", line, Math.Max(column, 1));
        return line;
    }

    private void Finish(YamlDocumentBuilder document, int line, int column)
    {
        if (singleValue)
        {
            Value = document.Failed ? null : document.Root;
            return;
        }

        // Empty documents, and documents that are only comments or null, are skipped as Backstage does.
        if (!document.Failed && document.Root is null)
        {
            return;
        }

        var index = state.NonEmptyDocuments++;
        if (document.Failed)
        {
            return;
        }

        if (document.Root is not JsonObject entity)
        {
            var what = document.Root switch
            {
                JsonArray => "a sequence",
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => "a string",
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => "a number",
                _ => "a boolean",
            };
            state.AddProblem($"Document {state.DocumentOrdinal} is {what}; an entity must be a mapping", line, column);
            return;
        }

        state.Documents.Add(new DescriptorDocument(entity, state.File, index, line, column)
        {
            FieldPositions = document.Positions,
        });
    }

    // YamlDotNet prefixes its messages with the marks; the problem carries line and column already.
    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }
}
