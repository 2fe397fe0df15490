namespace PadHub.Core.Documents;

/// <summary>A run of consecutive characters written by one author.</summary>
/// <param name="AuthorId">The author.</param>
/// <param name="Length">Code units in the run (positive).</param>
public readonly record struct AuthorRun(string AuthorId, int Length);
