namespace PadHub.Server.Results;

/// <summary>A column of a results table, as its Table Schema declares it (<c>type</c> is a Table Schema type).</summary>
internal sealed record TableField(string Name, string Type, string Description, bool Required = true);
