using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Greenroom.Bench.Reporting;

/// <summary>Prints the result table and writes the same as <c>bench-results/&lt;timestamp&gt;.json</c>.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(BenchReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Greenroom bench  N={report.Entities:#,0}  layout={report.LocationLayout}  cores={report.Cores}  commit={report.Commit}  {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Os}; catalog {report.Catalog}");
        var rows = report.Measures.Select(m => new[]
        {
            m.Name,
            m.Value is { } v ? $"{Measure.Format(v)} {m.Unit}" : "n/a",
            m.Target ?? string.Empty,
            m.Met switch { true => "ok", false => "MISSED", null => string.Empty },
            m.Note ?? string.Empty,
        }).ToList();
        string[] header = ["measure", "value", "target", "", "note"];
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Append(header).Max(r => r[i].Length)).ToArray();
        void Row(string[] cells) => text.AppendLine(string.Join("  ", cells.Take(widths.Length).Select((c, i) => i == 1 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + "  " + cells[^1]);
        Row(header);
        Row(widths.Select(w => new string('-', w)).Append("----").ToArray());
        rows.ForEach(Row);
        foreach (var note in report.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: {note}");
        }

        return text.ToString();
    }

    /// <summary>Writes the JSON file into <paramref name="directory"/> and returns its path.</summary>
    public static async Task<string> WriteJsonAsync(BenchReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{report.StartedAt:yyyyMMdd-HHmmss}-n{report.Entities}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n", cancellationToken);
        return path;
    }
}
