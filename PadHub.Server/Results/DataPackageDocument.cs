using System.Globalization;
using System.Text;
using System.Text.Json;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Results;

namespace PadHub.Server.Results;

/// <summary>
/// <c>datapackage.json</c>: a Frictionless Data Package (v1 descriptor, profile <c>data-package</c>) describing the CSV
/// tables (<c>tabular-data-resource</c>s with their Table Schemas) and each pad's Markdown file, with the session's
/// licence (SPDX id, its URL and title), title, description, creation date (the end for a recorded result, so the same
/// result always gives the same descriptor) and its source, the results link. Every path is a relative POSIX path
/// inside the ZIP (no <c>/</c> first, no <c>..</c>), every name matches <c>^[-a-z0-9._/]+$</c> and is unique.
/// </summary>
internal static class DataPackageDocument
{
    public static string Write(ResultsSnapshot snapshot, string resultsUrl)
    {
        // Names, types and keywords are machine English; titles and descriptions are for people, in the session's language.
        var text = new ExportText(snapshot.Language);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("profile", "data-package");
            json.WriteString("name", Name(snapshot));
            json.WriteString("title", snapshot.Title);
            json.WriteString("description", Description(snapshot, text));
            json.WriteString("created", (snapshot.EndedAt ?? snapshot.TakenAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("keywords");
            json.WriteStringValue("workshop");
            json.WriteStringValue("conclusions");
            json.WriteStringValue("padhub");
            json.WriteEndArray();

            json.WriteStartArray("licenses");
            json.WriteStartObject();
            json.WriteString("name", snapshot.Licence.Id);
            json.WriteString("path", snapshot.Licence.Url.AbsoluteUri);
            json.WriteString("title", snapshot.Licence.Title);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("sources");
            json.WriteStartObject();
            json.WriteString("title", text["DataSourceTitle"]);
            json.WriteString("path", resultsUrl);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("resources");
            foreach (var table in ResultsTables.All)
            {
                WriteTable(json, table, snapshot, text);
            }

            foreach (var group in snapshot.Groups)
            {
                WritePad(json, group, text);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A package name is lower-case, url-usable and stable: the session's id (its hex form is already).</summary>
    internal static string Name(ResultsSnapshot snapshot)
    {
        var id = new string([.. snapshot.SessionId.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')]);
        return "padhub-session-" + id;
    }

    private static string Description(ResultsSnapshot snapshot, ExportText text)
    {
        var state = ResultsText.State(snapshot);
        var what = text[snapshot.Groups.Count == 1 ? "DataDescriptionOne" : "DataDescriptionMany", snapshot.Groups.Count] + " " + state;
        return string.IsNullOrWhiteSpace(snapshot.Description) ? what : snapshot.Description.Trim() + "\n\n" + what;
    }

    private static void WriteTable(Utf8JsonWriter json, ResultsTable table, ResultsSnapshot snapshot, ExportText text)
    {
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("name", table.Name);
        json.WriteString("path", table.File);
        json.WriteString("title", text[table.TitleKey]);
        json.WriteString("description", text[table.DescriptionKey]);
        json.WriteString("format", "csv");
        json.WriteString("mediatype", "text/csv");
        json.WriteString("encoding", "utf-8");
        json.WriteNumber("bytes", Encoding.UTF8.GetByteCount(table.ToCsv(snapshot)));
        json.WriteStartObject("dialect");
        json.WriteString("delimiter", ",");
        json.WriteString("lineTerminator", "\r\n");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("doubleQuote", true);
        json.WriteBoolean("header", true);
        json.WriteEndObject();
        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var field in table.Fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("type", field.Type);
            json.WriteString("description", field.Guarded ? text[field.DescriptionKey] + " " + text["FieldGuarded"] : text[field.DescriptionKey]);
            if (field.Type == "integer")
            {
                json.WriteString("format", "default");
            }

            json.WriteStartObject("constraints");
            json.WriteBoolean("required", field.Required);
            if (field.Type == "integer")
            {
                json.WriteNumber("minimum", 0);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("primaryKey");
        foreach (var key in table.PrimaryKey)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        // Every table whose rows belong to a group references groups.csv (a question for the speakers has no group).
        if (table != ResultsTables.Groups && table.Fields.Any(f => f.Name == "group" && f.Required))
        {
            json.WriteStartArray("foreignKeys");
            json.WriteStartObject();
            json.WriteString("fields", "group");
            json.WriteStartObject("reference");
            json.WriteString("resource", ResultsTables.Groups.Name);
            json.WriteString("fields", "group");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("missingValues");
        json.WriteStringValue(string.Empty);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePad(Utf8JsonWriter json, ResultsGroup group, ExportText text)
    {
        var file = ResultsFiles.Pad(group.Number, "md");
        json.WriteStartObject();
        json.WriteString("name", Path.GetFileNameWithoutExtension(file));
        json.WriteString("path", file);
        json.WriteString("title", text["DataPadTitle", group.Number, group.Name]);
        json.WriteString("description", text["DataPadDescription", group.Number, group.Pad.Revision]);
        json.WriteString("format", "md");
        json.WriteString("mediatype", "text/markdown");
        json.WriteString("encoding", "utf-8");
        json.WriteNumber("bytes", Encoding.UTF8.GetByteCount(group.Pad.Text));
        json.WriteEndObject();
    }
}
