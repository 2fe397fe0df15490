namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The page audits (axe, keyboard, phones, French, security headers, participation) in a collection of their own, with
/// their own Chromium: they run alongside <see cref="EndToEndCollectionDefinition"/>'s live-editing tests, not after them,
/// which keeps the whole test command inside its time budget on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PageAuditCollectionDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "PageAudits";
}
