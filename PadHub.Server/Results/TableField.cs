namespace PadHub.Server.Results;

/// <summary>A column of a results table, as its Table Schema declares it (<c>type</c> is a Table Schema type).</summary>
/// <param name="DescriptionKey">The <see cref="ExportText"/> key of its description (the name is machine English; the description is for people).</param>
/// <param name="Guarded">A text column whose cells may carry the spreadsheet formula guard: its description says so.</param>
internal sealed record TableField(string Name, string Type, string DescriptionKey, bool Required = true, bool Guarded = false);
