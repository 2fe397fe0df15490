namespace PadHub.Tests.EndToEnd;

/// <summary>Every browser test joins this collection and so shares one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollectionDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "EndToEnd";
}
