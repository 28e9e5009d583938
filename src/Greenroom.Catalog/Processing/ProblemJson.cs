using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Processing;

/// <summary>Serializes problems in the two shapes the store keeps: location errors and Backstage status items.</summary>
internal static class ProblemJson
{
    /// <summary>The status item type Backstage uses for processing errors.</summary>
    public const string ProcessingStatusType = "backstage.io/catalog-processing";

    /// <summary>Location errors: <c>[{message, file, line, column, field, name}]</c>.</summary>
    public static string LocationErrors(IEnumerable<CatalogProblem> problems)
    {
        var array = new JsonArray();
        foreach (var problem in problems)
        {
            array.Add(new JsonObject
            {
                ["message"] = problem.Message,
                ["file"] = problem.File,
                ["line"] = problem.Line,
                ["column"] = problem.Column,
                ["field"] = problem.Field,
                ["name"] = problem.Name,
            });
        }

        return array.ToJsonString();
    }

    /// <summary>Backstage status items: <c>[{type, level: "error", message, error: {name, message}}]</c>.</summary>
    public static string StatusItems(IEnumerable<CatalogProblem> problems)
    {
        var array = new JsonArray();
        foreach (var problem in problems)
        {
            var message = problem.ToString();
            array.Add(new JsonObject
            {
                ["type"] = ProcessingStatusType,
                ["level"] = "error",
                ["message"] = $"{problem.Name}: {message}",
                ["error"] = new JsonObject { ["name"] = problem.Name, ["message"] = message },
            });
        }

        return array.ToJsonString();
    }
}
