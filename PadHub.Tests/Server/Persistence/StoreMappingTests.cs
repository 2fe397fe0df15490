using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// What the store maps between the contracts and its own columns: role names and column sizes.
public sealed class StoreMappingTests
{
    [Fact]
    public void RoleColumns_EveryPadRole_IsStoredAsItsNameAndReadsBack() =>
        AssertStoredByName<PadRole>(RoleColumns.From, RoleColumns.ToPadRole);

    [Fact]
    public void RoleColumns_EverySessionRole_IsStoredAsItsNameAndReadsBack() =>
        AssertStoredByName<SessionRole>(RoleColumns.From, RoleColumns.ToSessionRole);

    [Fact]
    public void RoleColumns_UnknownStoredValue_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => RoleColumns.ToPadRole("Owner"));
        Assert.Throws<InvalidOperationException>(() => RoleColumns.ToSessionRole("editor"));
    }

    [Fact]
    public void StoreLimits_SessionColumns_HoldWhatSessionLimitsAllow()
    {
        Assert.True(SessionLimits.MaxTitleLength <= StoreLimits.MaxSessionTitleLength);
        Assert.True(SessionLimits.MaxDescriptionLength <= StoreLimits.MaxSessionDescriptionLength);
        Assert.True(SessionLimits.MaxGroupNameLength <= StoreLimits.MaxGroupNameLength);
        Assert.True(SessionLimits.MaxTopicLength <= StoreLimits.MaxTopicLength);
        Assert.True(SessionLimits.MaxAnnouncementLength <= StoreLimits.MaxAnnouncementLength);
        Assert.True(SessionLimits.MaxRapporteurLength <= StoreLimits.MaxRapporteurLength);
        Assert.True(SessionLimits.MaxSpotlightConclusionLength <= StoreLimits.MaxSpotlightConclusionLength);
        Assert.All(SessionLicences.All, l => Assert.True(l.Id.Length <= StoreLimits.MaxLicenceLength));
    }

    // EF stored the roles by name before the entities held strings: the same values, whatever the enums become.
    private static void AssertStoredByName<TRole>(Func<TRole, string> toColumn, Func<string, TRole> fromColumn)
        where TRole : struct, Enum
    {
        foreach (var role in Enum.GetValues<TRole>())
        {
            var stored = toColumn(role);

            Assert.Equal(role.ToString(), stored);
            Assert.Equal(role, fromColumn(stored));
            Assert.True(stored.Length <= StoreLimits.MaxRoleLength);
        }
    }
}
