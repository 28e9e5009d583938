using System.Diagnostics;
using System.Text.RegularExpressions;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// Edits the description of one component in one part file (about 100 entities) and polls by-name until the API
/// shows it; the file is restored afterwards (and the restore awaited) so the catalog ends as it began.
/// </summary>
internal static partial class IncrementalEdit
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    [GeneratedRegex(@"^  name: (?<name>\S+)$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^  description: .*$", RegexOptions.Multiline)]
    private static partial Regex DescriptionLine();

    public static async Task<Measure> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parts = Directory.GetFiles(Path.Combine(context.CatalogDirectory, "entities"), "part-*.yaml").Order(StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            throw new BenchException("The catalog has no entities/part-*.yaml to edit");
        }

        var file = parts[parts.Count / 2];
        var original = await File.ReadAllTextAsync(file, cancellationToken);
        var (edited, name, entitiesInFile) = Edit(original, $"Edited by the Greenroom benchmark at {DateTimeOffset.UtcNow:O}");
        try
        {
            await File.WriteAllTextAsync(file, edited, cancellationToken);
            var clock = Stopwatch.StartNew();
            await WaitForDescriptionAsync(context, name, d => d.StartsWith("Edited by the Greenroom benchmark", StringComparison.Ordinal), cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            return Measure.AtMost("incremental edit visible", seconds, "s", 2,
                $"one description in {Path.GetFileName(file)} ({entitiesInFile} entities), polled by-name every {PollInterval.TotalMilliseconds:0} ms");
        }
        finally
        {
            await File.WriteAllTextAsync(file, original, CancellationToken.None);
            if (!cancellationToken.IsCancellationRequested)
            {
                await WaitForDescriptionAsync(context, name, d => !d.StartsWith("Edited by the Greenroom benchmark", StringComparison.Ordinal), cancellationToken);
            }
        }
    }

    /// <summary>The file with the first component's description replaced; its name; the entity count of the file.</summary>
    internal static (string Text, string Name, int Entities) Edit(string text, string description)
    {
        var documents = text.Split("---\n");
        for (var i = 0; i < documents.Length; i++)
        {
            if (!documents[i].Contains("\nkind: Component\n", StringComparison.Ordinal) || NameLine().Match(documents[i]) is not { Success: true } name)
            {
                continue;
            }

            var quoted = System.Text.Json.JsonSerializer.Serialize(description);
            documents[i] = DescriptionLine().IsMatch(documents[i])
                ? DescriptionLine().Replace(documents[i], $"  description: {quoted}", 1)
                : NameLine().Replace(documents[i], $"$0\n  description: {quoted}", 1);
            return (string.Join("---\n", documents), name.Groups["name"].Value, documents.Count(d => d.Length > 0));
        }

        throw new BenchException("No component found in the part file chosen for the incremental edit");
    }

    private static async Task WaitForDescriptionAsync(BenchContext context, string name, Func<string, bool> visible, CancellationToken cancellationToken)
    {
        var deadline = new Deadline(TimeSpan.FromSeconds(Math.Min(120, context.Arguments.Timeout.TotalSeconds)), $"the edit of {name} to show");
        while (true)
        {
            deadline.Check();
            var entity = await context.Client.GetEntityAsync("component", name, cancellationToken);
            if (entity?["metadata"]?["description"]?.GetValue<string>() is { } description && visible(description))
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
