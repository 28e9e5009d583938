using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Templating;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Greenroom.Scaffolder.Actions;

/// <summary>
/// <c>fetch:template</c>: copies a skeleton folder into the workspace, rendering file contents and file and folder
/// names with <c>values</c>. A name that renders empty is skipped; <c>copyWithoutTemplating</c> stops content
/// rendering only, <c>copyWithoutRender</c> (its older form) leaves names untouched too.
/// </summary>
public sealed class FetchTemplateAction(TemplateEngine engine) : IScaffolderAction
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public string Id => "fetch:template";

    /// <inheritdoc />
    public string Description => "Downloads a skeleton from the template's folder, templates variables into file and folder names and contents, and places the result in the workspace.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["url"], "properties": {
          "url": {"type": "string", "title": "Relative path of the skeleton folder (./skeleton)."},
          "targetPath": {"type": "string", "title": "Target path within the workspace."},
          "values": {"type": "object", "title": "Values available to the skeleton as values.*"},
          "copyWithoutRender": {"type": "array", "items": {"type": "string"}, "title": "Globs copied untouched, names included (deprecated)."},
          "copyWithoutTemplating": {"type": "array", "items": {"type": "string"}, "title": "Globs whose contents are copied without templating; names are still rendered."},
          "templateFileExtension": {"anyOf": [{"type": "boolean"}, {"type": "string"}], "title": "Only render files with this extension (true: .njk), and drop it."},
          "cookiecutterCompat": {"type": "boolean", "title": "Not supported: cookiecutter filters."},
          "replace": {"type": "boolean", "title": "Replace files already in the target path instead of keeping them."},
          "trimBlocks": {"type": "boolean", "title": "Remove the first newline after a block tag."},
          "lstripBlocks": {"type": "boolean", "title": "Strip spaces and tabs before a block tag at a line start."},
          "token": {"title": "Accepted for compatibility; unused for the template's own folder."}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""{"type": "object", "properties": {}}""");

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>(["token"]);

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public async Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input;
        if (input.Bool("cookiecutterCompat"))
        {
            throw new InvalidOperationException("cookiecutterCompat is not supported; write the skeleton with ${{ values.x }}");
        }

        if (input.Strings("copyWithoutRender").Count > 0 && input.Strings("copyWithoutTemplating").Count > 0)
        {
            throw new InvalidOperationException("copyWithoutRender and copyWithoutTemplating cannot be used together");
        }

        var source = ActionInput.TemplatePath(input.String("url")!).TrimEnd('/');
        var target = input.String("targetPath") ?? ".";
        var extension = input["templateFileExtension"] switch
        {
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? ".njk" : null,
            JsonValue v when v.TryGetValue<string>(out var s) => s.StartsWith('.') ? s : "." + s,
            _ => null,
        };
        var withoutRender = Globs(input.Strings("copyWithoutRender"));
        var withoutTemplating = Globs(input.Strings("copyWithoutTemplating"));
        var options = new TemplateOptions { TrimBlocks = input.Bool("trimBlocks"), LstripBlocks = input.Bool("lstripBlocks") };
        var scope = new TemplateScope([KeyValuePair.Create("values", Values.FromJson(input["values"] ?? new JsonObject()))]);
        var replace = input.Bool("replace");

        var files = await context.TemplateFiles.ListFilesAsync(source, context.CancellationToken).ConfigureAwait(false);
        context.Log($"Fetching template content from {source} ({files.Count} files)");
        foreach (var file in files)
        {
            var sourceName = $"{source.TrimStart('.', '/')}/{file}".TrimStart('/');
            var keepName = Matches(withoutRender, file);
            var renderContent = !keepName && !Matches(withoutTemplating, file) && (extension is null || file.EndsWith(extension, StringComparison.Ordinal));
            var name = keepName ? file : RenderName(sourceName, file, scope);
            if (extension is not null && name.EndsWith(extension, StringComparison.Ordinal))
            {
                name = name[..^extension.Length];
            }

            if (name.Split('/').Any(segment => segment.Trim().Length == 0))
            {
                context.Log($"Skipping {file}: its name renders empty");
                continue;
            }

            var destination = $"{target}/{name}";
            if (!replace && File.Exists(context.Workspace.Resolve(destination)))
            {
                context.Log($"Keeping existing {name} (replace is off)");
                continue;
            }

            var bytes = await context.TemplateFiles.ReadFileAsync($"{source}/{file}", context.CancellationToken).ConfigureAwait(false);
            if (renderContent && TryDecode(bytes) is { } text)
            {
                var rendered = engine.RenderText(sourceName, text, scope, options);
                bytes = Encoding.UTF8.GetBytes((string)rendered.Value!);
            }

            await context.Workspace.WriteFileAsync(destination, bytes, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private string RenderName(string sourceName, string file, TemplateScope scope) =>
        (string)engine.RenderText($"{sourceName} (file name)", file, scope).Value!;

    private static Matcher? Globs(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns)
        {
            matcher.AddInclude(pattern.TrimStart('.', '/').Length == 0 ? "**/*" : pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern);
        }

        return matcher;
    }

    private static bool Matches(Matcher? matcher, string file) => matcher is not null && matcher.Match(file).HasMatches;

    // Binary files (NUL bytes or not UTF-8) are copied as they are: rendering would corrupt them.
    private static string? TryDecode(byte[] bytes)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
