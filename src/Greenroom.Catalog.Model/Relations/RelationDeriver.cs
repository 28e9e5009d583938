using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Relations;

/// <summary>
/// Derives every relation Backstage's built-in processor emits from an entity's spec fields, in both directions
/// (A ownedBy B and B ownerOf A), with target refs lower-cased and per-field default kinds applied.
/// A relation to an entity that does not exist is still emitted.
/// </summary>
public static class RelationDeriver
{
    /// <summary>The relations of the valid entity <paramref name="entity"/>, whose own ref is <paramref name="self"/>.</summary>
    public static IReadOnlyList<EntityRelation> Derive(JsonObject entity, EntityRef self) => Derive(entity, self, problems: null);

    /// <summary>
    /// As <see cref="Derive(JsonObject, EntityRef)"/>, adding a problem to <paramref name="problems"/> for each target that is
    /// not a valid reference (for example a <c>dependsOn</c> entry without a kind); such targets yield no relation.
    /// </summary>
    public static IReadOnlyList<EntityRelation> Derive(JsonObject entity, EntityRef self, ICollection<CatalogProblem>? problems)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var kind = EntityFields.StringAt(entity, "kind");
        if (kind is null
            || !BuiltInRelationRules.ByKind.TryGetValue(kind, out var rules)
            || entity["spec"] is not JsonObject spec)
        {
            return [];
        }

        var selfKey = self.ToKey();
        var relations = new List<EntityRelation>();
        var seen = new HashSet<EntityRelation>();
        foreach (var rule in rules)
        {
            switch (spec[rule.Field])
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    Emit(value.GetValue<string>(), -1);
                    break;
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String)
                        {
                            Emit(item.GetValue<string>(), i);
                        }
                    }

                    break;
            }

            // The field path is only built for a problem: most entities have none, and every relation would pay for it.
            void Emit(string target, int index)
            {
                if (!EntityRef.TryParse(target, out var targetRef, out var error, rule.DefaultKind, self.Namespace))
                {
                    var field = index < 0 ? $"spec.{rule.Field}" : $"spec.{rule.Field}[{index}]";
                    problems?.Add(new CatalogProblem(
                        rule.DefaultKind is null ? $"{error}; {field} must name the kind, as in resource:default/my-db" : error ?? "Invalid entity reference",
                        Field: field));
                    return;
                }

                var targetKey = targetRef.ToKey();
                Add(new EntityRelation(selfKey, rule.Outgoing, targetKey));
                Add(new EntityRelation(targetKey, rule.Incoming, selfKey));
            }
        }

        return relations;

        void Add(EntityRelation relation)
        {
            if (seen.Add(relation))
            {
                relations.Add(relation);
            }
        }
    }
}
