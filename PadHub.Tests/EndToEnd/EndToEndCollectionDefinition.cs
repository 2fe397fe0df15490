namespace PadHub.Tests.EndToEnd;

/// <summary>The live-editing browser tests join this collection and so share one Chromium (the page audits have their own, <see cref="PageAuditCollectionDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollectionDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "EndToEnd";
}
