using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PadHub.Tests.Server.Results;

/// <summary>
/// The Frictionless Data Package (v1) rules the tests hold <c>datapackage.json</c> to, written from the specification
/// (frictionlessdata/datapackage: Data Package, Data Resource, Tabular Data Resource, Table Schema, CSV Dialect):
/// required properties, name pattern and uniqueness, path safety, licences, sources, created, Table Schema field types,
/// keys, and every CSV against its declared schema.
/// </summary>
internal static partial class DataPackageRules
{
    // Table Schema's field types.
    private static readonly HashSet<string> FieldTypes =
    [
        "string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration",
        "geopoint", "geojson", "any",
    ];

    [GeneratedRegex("^([-a-z0-9._/])+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    /// <summary>Every rule broken by the descriptor and the files it points to (file name -> content); empty when valid.</summary>
    public static List<string> Check(string descriptor, IReadOnlyDictionary<string, string> files)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(descriptor);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ["the descriptor must be a JSON object"];
        }

        if (root.TryGetProperty("name", out var name) && (name.ValueKind != JsonValueKind.String || !NamePattern().IsMatch(name.GetString()!)))
        {
            errors.Add("package name must match ^([-a-z0-9._/])+$");
        }

        foreach (var recommended in new[] { "name", "title", "description", "created", "licenses", "sources" })
        {
            if (!root.TryGetProperty(recommended, out _))
            {
                errors.Add($"missing {recommended}");
            }
        }

        if (root.TryGetProperty("created", out var created)
            && !DateTimeOffset.TryParseExact(created.GetString(), ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add("created must be an RFC 3339 date-time");
        }

        CheckLicences(root, errors);
        if (root.TryGetProperty("sources", out var sources))
        {
            foreach (var source in sources.EnumerateArray())
            {
                if (!source.TryGetProperty("title", out var title) || string.IsNullOrEmpty(title.GetString()))
                {
                    errors.Add("every source needs a title");
                }
            }
        }

        if (!root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array || resources.GetArrayLength() == 0)
        {
            errors.Add("resources must be a non-empty array");
            return errors;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var resource in resources.EnumerateArray())
        {
            var resourceName = resource.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (resourceName is null || !NamePattern().IsMatch(resourceName))
            {
                errors.Add($"resource name '{resourceName}' must match ^([-a-z0-9._/])+$");
                continue;
            }

            if (!names.Add(resourceName))
            {
                errors.Add($"resource name '{resourceName}' is not unique");
            }

            if (!resource.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                errors.Add($"{resourceName}: needs a path (or data)");
                continue;
            }

            var file = path.GetString()!;
            if (!IsSafePath(file))
            {
                errors.Add($"{resourceName}: path '{file}' must be a relative POSIX path without '..'");
            }

            if (!files.TryGetValue(file, out var content))
            {
                errors.Add($"{resourceName}: '{file}' is not in the package");
                continue;
            }

            if (resource.TryGetProperty("bytes", out var bytes) && bytes.GetInt64() != System.Text.Encoding.UTF8.GetByteCount(content))
            {
                errors.Add($"{resourceName}: bytes does not match its file");
            }

            if (resource.TryGetProperty("profile", out var profile) && profile.GetString() == "tabular-data-resource")
            {
                if (!resource.TryGetProperty("schema", out var schema))
                {
                    errors.Add($"{resourceName}: a tabular data resource needs a schema");
                    continue;
                }

                schemas[resourceName] = schema;
                CheckTable(resourceName, schema, content, errors);
            }
        }

        CheckForeignKeys(schemas, files, resources, errors);
        return errors;
    }

    private static void CheckLicences(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("licenses", out var licences) || licences.ValueKind != JsonValueKind.Array || licences.GetArrayLength() == 0)
        {
            errors.Add("licenses must be a non-empty array");
            return;
        }

        foreach (var licence in licences.EnumerateArray())
        {
            var hasName = licence.TryGetProperty("name", out var name);
            var hasPath = licence.TryGetProperty("path", out var path);
            if (!hasName && !hasPath)
            {
                errors.Add("a licence needs a name or a path");
            }

            if (hasName && !PadHub.Components.Contracts.Sessions.SessionLicences.All.Any(l => l.Id == name.GetString()))
            {
                errors.Add($"licence name '{name.GetString()}' is no known open licence id");
            }

            if (hasPath && !Uri.TryCreate(path.GetString(), UriKind.Absolute, out _))
            {
                errors.Add("a licence path must be a URL");
            }
        }
    }

    private static bool IsSafePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static void CheckTable(string resource, JsonElement schema, string csv, List<string> errors)
    {
        var fields = schema.GetProperty("fields").EnumerateArray().ToArray();
        foreach (var field in fields)
        {
            if (!field.TryGetProperty("name", out _) || !field.TryGetProperty("type", out var type) || !FieldTypes.Contains(type.GetString()!))
            {
                errors.Add($"{resource}: every field needs a name and a Table Schema type");
            }
        }

        var fieldNames = fields.Select(f => f.GetProperty("name").GetString()!).ToArray();
        var rows = CsvReader.Read(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(fieldNames))
        {
            errors.Add($"{resource}: the header must be the schema's field names in order");
            return;
        }

        var keys = schema.TryGetProperty("primaryKey", out var primaryKey)
            ? primaryKey.EnumerateArray().Select(k => Array.IndexOf(fieldNames, k.GetString())).ToArray()
            : [];
        if (keys.Any(k => k < 0))
        {
            errors.Add($"{resource}: primaryKey names a field the schema lacks");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (row.Length != fields.Length)
            {
                errors.Add($"{resource}: a row has {row.Length} cells, the schema {fields.Length} fields");
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                var required = fields[i].TryGetProperty("constraints", out var c) && c.TryGetProperty("required", out var r) && r.GetBoolean();
                if (row[i].Length == 0)
                {
                    if (required)
                    {
                        errors.Add($"{resource}.{fieldNames[i]}: a required value is missing");
                    }

                    continue;
                }

                if (fields[i].GetProperty("type").GetString() == "integer")
                {
                    if (!IntegerPattern().IsMatch(row[i]))
                    {
                        errors.Add($"{resource}.{fieldNames[i]}: '{row[i]}' is not an integer");
                    }
                    else if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("minimum", out var min) && long.Parse(row[i], CultureInfo.InvariantCulture) < min.GetInt64())
                    {
                        errors.Add($"{resource}.{fieldNames[i]}: below its minimum");
                    }
                }
            }

            if (keys.Length > 0 && !seen.Add(string.Join('\u0001', keys.Select(k => row[k]))))
            {
                errors.Add($"{resource}: primary key repeated");
            }
        }
    }

    private static void CheckForeignKeys(Dictionary<string, JsonElement> schemas, IReadOnlyDictionary<string, string> files, JsonElement resources, List<string> errors)
    {
        var paths = resources.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("path").GetString()!, StringComparer.Ordinal);
        foreach (var (resource, schema) in schemas)
        {
            if (!schema.TryGetProperty("foreignKeys", out var foreignKeys))
            {
                continue;
            }

            foreach (var key in foreignKeys.EnumerateArray())
            {
                var field = key.GetProperty("fields").GetString()!;
                var target = key.GetProperty("reference").GetProperty("resource").GetString()!;
                var targetField = key.GetProperty("reference").GetProperty("fields").GetString()!;
                if (!schemas.ContainsKey(target))
                {
                    errors.Add($"{resource}: foreign key to unknown resource {target}");
                    continue;
                }

                var targetRows = CsvReader.Read(files[paths[target]]);
                var column = Array.IndexOf(targetRows[0], targetField);
                var known = targetRows.Skip(1).Select(r => r[column]).ToHashSet(StringComparer.Ordinal);
                var rows = CsvReader.Read(files[paths[resource]]);
                var own = Array.IndexOf(rows[0], field);
                if (column < 0 || own < 0 || rows.Skip(1).Any(r => !known.Contains(r[own])))
                {
                    errors.Add($"{resource}: a {field} value has no row in {target}");
                }
            }
        }
    }
}
