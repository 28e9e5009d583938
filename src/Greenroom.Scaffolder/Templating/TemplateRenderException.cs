namespace Greenroom.Scaffolder.Templating;

/// <summary>A template that parsed but cannot be evaluated (unknown filter, bad filter argument, secret misuse).</summary>
public sealed class TemplateRenderException(string message) : Exception(message);
