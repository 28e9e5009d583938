using System.Text.Json.Nodes;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Scaffolder;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>catalog:register</c>: registers the new <c>catalog-info.yaml</c> as a catalog location.</summary>
public sealed class CatalogRegisterAction(ICatalogRegistrar registrar, IOptions<ScaffolderOptions> options) : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "catalog:register";

    /// <inheritdoc />
    public string Description => "Registers entities from a catalog descriptor file in the software catalog.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "anyOf": [{"required": ["catalogInfoUrl"]}, {"required": ["repoContentsUrl"]}], "properties": {
          "catalogInfoUrl": {"type": "string", "title": "URL (or file:// path) of the catalog-info.yaml to register."},
          "repoContentsUrl": {"type": "string", "title": "URL of the repository contents (publish output repoContentsUrl)."},
          "catalogInfoPath": {"type": "string", "title": "Path of the descriptor within the repository; defaults to /catalog-info.yaml."},
          "optional": {"type": "boolean", "title": "Do not fail the step when the registration fails."}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "properties": {"entityRef": {"type": "string"}, "catalogInfoUrl": {"type": "string"}}}
        """);

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>();

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public async Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.Input.String("catalogInfoUrl") ?? Join(context.Input.String("repoContentsUrl")!, context.Input.String("catalogInfoPath") ?? "/catalog-info.yaml");
        context.Output("catalogInfoUrl", url);
        var (type, target) = url.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? ("file", new Uri(url).LocalPath)
            : Path.IsPathRooted(url) ? ("file", url) : ("url", url);
        if (context.IsDryRun)
        {
            context.Log($"Dry run: would register {type} location {url}");
            return;
        }

        try
        {
            if (type == "file" && LocalRepository.Find(target) is { } repository)
            {
                target = await LocalRepository.CheckOutAsync(repository, target, options.Value.CheckoutDirectory, context.CancellationToken).ConfigureAwait(false);
                context.Log($"Checked out {repository} to register its {Path.GetFileName(target)}");
            }

            var registration = await registrar.RegisterLocationAsync(type, target, context.CancellationToken).ConfigureAwait(false);
            context.Log($"Registered {type} location {url}: {string.Join(", ", registration.EntityRefs)}");
            var entityRef = registration.EntityRefs.FirstOrDefault(r => !r.StartsWith("location:", StringComparison.OrdinalIgnoreCase))
                ?? registration.EntityRefs.FirstOrDefault();
            if (entityRef is not null)
            {
                context.Output("entityRef", entityRef);
            }
        }
        catch (Exception e) when (context.Input.Bool("optional") && e is ArgumentException or UnauthorizedAccessException or IOException or InvalidOperationException)
        {
            context.Log($"Registration of {url} failed and is optional: {e.Message}");
        }
    }

    private static string Join(string contents, string path) => contents.TrimEnd('/') + "/" + path.TrimStart('/');
}
