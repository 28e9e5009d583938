namespace Greenroom.Scaffolder.Templating;

/// <summary>A piece of a parsed template text.</summary>
internal abstract record TemplateNode;

internal sealed record TextNode(string Text) : TemplateNode;

internal sealed record OutputNode(Expr Expression) : TemplateNode;

internal sealed record IfNode(IReadOnlyList<(Expr Condition, IReadOnlyList<TemplateNode> Body)> Branches, IReadOnlyList<TemplateNode>? Else) : TemplateNode;

internal sealed record ForNode(IReadOnlyList<string> Variables, Expr Iterable, IReadOnlyList<TemplateNode> Body, IReadOnlyList<TemplateNode>? Else) : TemplateNode;

internal sealed record SetNode(string Name, Expr Value) : TemplateNode;

/// <summary>A parsed template: its nodes and the source they came from.</summary>
internal sealed record ParsedTemplate(SourceText Source, IReadOnlyList<TemplateNode> Nodes);
