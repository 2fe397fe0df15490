using System.Text;

namespace PadHub.Tests.Server.Results;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes; anything else fails.</summary>
internal static class CsvReader
{
    public static List<string[]> Read(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < csv.Length, "unterminated quoted field");
                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(csv[i++]);
                }
            }
            else
            {
                while (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                {
                    Assert.NotEqual('"', csv[i]);
                    field.Append(csv[i++]);
                }
            }

            row.Add(field.ToString());
            field.Clear();
            Assert.True(i < csv.Length, "the last record must end with CRLF");
            if (csv[i] == ',')
            {
                i++;
                continue;
            }

            Assert.Equal("\r\n", csv.Substring(i, 2));
            i += 2;
            rows.Add([.. row]);
            row.Clear();
        }

        return rows;
    }
}
