namespace Greenroom.Scaffolder.Templating;

/// <summary>A parsed expression; <see cref="Offset"/> points into the template text for error messages.</summary>
internal abstract record Expr(int Offset);

internal sealed record LiteralExpr(object? Value, int Offset) : Expr(Offset);

internal sealed record NameExpr(string Name, int Offset) : Expr(Offset);

internal sealed record MemberExpr(Expr Target, Expr Key, int Offset) : Expr(Offset);

internal sealed record ListExpr(IReadOnlyList<Expr> Items, int Offset) : Expr(Offset);

internal sealed record DictExpr(IReadOnlyList<(Expr Key, Expr Value)> Entries, int Offset) : Expr(Offset);

internal sealed record UnaryExpr(string Op, Expr Operand, int Offset) : Expr(Offset);

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, int Offset) : Expr(Offset);

internal sealed record ConditionalExpr(Expr Body, Expr Condition, Expr? Else, int Offset) : Expr(Offset);

internal sealed record FilterExpr(string Name, Expr Input, IReadOnlyList<Expr> Arguments, int Offset) : Expr(Offset);

internal sealed record TestExpr(string Name, Expr Input, bool Negated, IReadOnlyList<Expr> Arguments, int Offset) : Expr(Offset);
