using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class EntityFilterParserTests
{
    [Fact]
    public void Comma_separated_statements_in_one_parameter_must_all_hold()
    {
        var filter = EntityFilterParser.Parse(["kind=component,spec.type=service"]);

        var alternative = Assert.Single(filter!.AnyOf);
        Assert.Equal(
            [new FilterCondition("kind", ["component"]), new FilterCondition("spec.type", ["service"])],
            alternative.AllOf.Select(c => c with { Values = c.Values?.ToArray() }).ToList(),
            ConditionComparer.Instance);
    }

    [Fact]
    public void Repeated_parameters_are_alternatives()
    {
        var filter = EntityFilterParser.Parse(["kind=group", "kind=user"]);

        Assert.Equal(2, filter!.AnyOf.Count);
        Assert.Equal(["group"], filter.AnyOf[0].AllOf[0].Values!);
        Assert.Equal(["user"], filter.AnyOf[1].AllOf[0].Values!);
    }

    [Fact]
    public void The_same_key_twice_in_one_parameter_matches_any_of_its_values()
    {
        var filter = EntityFilterParser.Parse(["kind=component,kind=api"]);

        var condition = Assert.Single(Assert.Single(filter!.AnyOf).AllOf);
        Assert.Equal("kind", condition.Key);
        Assert.Equal(["component", "api"], condition.Values!);
    }

    [Fact]
    public void A_bare_key_means_the_key_exists()
    {
        var filter = EntityFilterParser.Parse(["metadata.annotations.backstage.io/orphan"]);

        var condition = Assert.Single(Assert.Single(filter!.AnyOf).AllOf);
        Assert.Equal("metadata.annotations.backstage.io/orphan", condition.Key);
        Assert.Null(condition.Values);
    }

    [Fact]
    public void Keys_and_values_are_lower_cased_and_trimmed()
    {
        var filter = EntityFilterParser.Parse([" Kind = Component , relations.ownedBy=Group:Default/Team-A "]);

        var conditions = Assert.Single(filter!.AnyOf).AllOf;
        Assert.Equal(("kind", "component"), (conditions[0].Key, conditions[0].Values![0]));
        Assert.Equal(("relations.ownedby", "group:default/team-a"), (conditions[1].Key, conditions[1].Values![0]));
    }

    [Fact]
    public void An_empty_value_is_a_value_not_existence()
    {
        var condition = Assert.Single(Assert.Single(EntityFilterParser.Parse(["spec.type="])!.AnyOf).AllOf);

        Assert.Equal([string.Empty], condition.Values!);
    }

    [Fact]
    public void No_parameters_means_no_filter()
    {
        Assert.Null(EntityFilterParser.Parse([]));
        Assert.Null(EntityFilterParser.Parse(["", "  "]));
    }

    [Theory]
    [InlineData("=component")]
    [InlineData("kind=a, =b")]
    public void A_statement_without_a_key_is_an_input_error(string parameter)
    {
        var error = Assert.Throws<CatalogInputException>(() => EntityFilterParser.Parse([parameter]));

        Assert.Equal("InputError", error.Name);
        Assert.Contains("Invalid filter", error.Message, StringComparison.Ordinal);
    }

    private sealed class ConditionComparer : IEqualityComparer<FilterCondition>
    {
        public static readonly ConditionComparer Instance = new();

        public bool Equals(FilterCondition? x, FilterCondition? y) =>
            x?.Key == y?.Key && x?.Negate == y?.Negate && (x?.Values ?? []).SequenceEqual(y?.Values ?? []);

        public int GetHashCode(FilterCondition obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
