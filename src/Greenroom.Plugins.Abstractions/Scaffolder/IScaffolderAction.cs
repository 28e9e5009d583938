using System.Text.Json.Nodes;

namespace Greenroom.Plugins.Scaffolder;

/// <summary>
/// A scaffolder action (<c>fetch:template</c>, <c>publish:git</c>…): an id, JSON Schemas for its input and output, and
/// a handler. Register with <c>services.AddSingleton&lt;IScaffolderAction, MyAction&gt;()</c>.
/// </summary>
public interface IScaffolderAction
{
    /// <summary>The id templates name in <c>action:</c>.</summary>
    string Id { get; }

    /// <summary>What the action does, for <c>GET /v2/actions</c>.</summary>
    string Description { get; }

    /// <summary>JSON Schema of the input; the runner validates the rendered input against it before the handler runs.</summary>
    JsonObject InputSchema { get; }

    /// <summary>JSON Schema of the outputs the action sets.</summary>
    JsonObject OutputSchema { get; }

    /// <summary>
    /// Top-level input names that may receive secrets (<c>token</c>). Only these may hold a value derived from
    /// <c>${{ secrets.x }}</c>; the handler reads them with <see cref="IScaffolderActionContext.GetSecret"/>, never from
    /// <see cref="IScaffolderActionContext.Input"/>.
    /// </summary>
    IReadOnlySet<string> SecretInputs { get; }

    /// <summary>True when the handler honours <see cref="IScaffolderActionContext.IsDryRun"/>; others are skipped in a dry run.</summary>
    bool SupportsDryRun { get; }

    /// <summary>Does the work.</summary>
    Task HandleAsync(IScaffolderActionContext context);
}
