using System.Globalization;
using System.Text;

namespace Modules.Analytics.Features.ExportCsv;

/// <summary>
/// The analytics routes' <c>format=csv</c> answer: RFC 4180 CSV, where a cell a spreadsheet would run as a formula
/// (= + - @) is prefixed with a quote.
/// </summary>
internal static class CsvExport
{
    public static IResult File(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows) =>
        Results.File(Encoding.UTF8.GetBytes(Write(header, rows)), "text/csv; charset=utf-8", $"{name}.csv");

    public static string Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder().AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows) sb.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return sb.ToString();
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && "=+-@".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
