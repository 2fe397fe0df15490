using System.Globalization;
using System.Text;

namespace PadHub.Server.Results;

/// <summary>
/// Writes one CSV table by RFC 4180: comma-separated, CRLF line ends, a header row, a field quoted (quotes doubled) when it
/// holds a comma, a quote, a line break or starts or ends with a space. Injection-safe for spreadsheets: a text cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (what Excel, LibreOffice and Google
/// Sheets read as a formula) is written with a leading apostrophe (OWASP's "CSV injection" advice), so a pad line such as
/// <c>=HYPERLINK(...)</c> opens as text. Numbers are never prefixed. The packages' schemas say so in each text field's
/// description.
/// </summary>
internal sealed class CsvTable
{
    /// <summary>What a neutralised cell starts with.</summary>
    public const char FormulaGuard = '\'';

    private readonly StringBuilder _text = new();

    public CsvTable(params string[] header) => Row([.. header.Select(h => (object?)h)]);

    /// <summary>Appends a row: strings are text cells, integers numbers.</summary>
    public CsvTable Row(params object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.Append(cells[i] switch
            {
                null => string.Empty,
                int n => n.ToString(CultureInfo.InvariantCulture),
                long n => n.ToString(CultureInfo.InvariantCulture),
                string s => Quote(Neutralise(s)),
                var other => Quote(Neutralise(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty)),
            });
        }

        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The cell as a spreadsheet will read it as text.</summary>
    internal static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? FormulaGuard + cell : cell;

    private static string Quote(string cell)
    {
        var needsQuotes = cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '));
        return needsQuotes ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
