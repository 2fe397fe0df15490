namespace PadHub.Components.Contracts.Sessions;

/// <summary>An open licence a session's outputs may be published under.</summary>
/// <param name="Id">The SPDX identifier (the Data Package's <c>licenses[].name</c>).</param>
public sealed record SessionLicence(string Id, string Title, Uri Url);
