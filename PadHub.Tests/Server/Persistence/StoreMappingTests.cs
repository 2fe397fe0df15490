using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// What the store maps between the contracts and its own columns: role names and column sizes.
public sealed class StoreMappingTests
{
    [Fact]
    public void RoleColumns_EveryPadRole_IsStoredAsItsNameAndReadsBack()
    {
        foreach (var role in Enum.GetValues<PadRole>())
        {
            var stored = RoleColumns.From(role);

            Assert.Equal(role.ToString(), stored);
            Assert.Equal(role, RoleColumns.ToPadRole(stored));
            Assert.True(stored.Length <= StoreLimits.MaxRoleLength);
        }
    }

    [Fact]
    public void RoleColumns_EverySessionRole_IsStoredAsItsNameAndReadsBack()
    {
        foreach (var role in Enum.GetValues<SessionRole>())
        {
            var stored = RoleColumns.From(role);

            Assert.Equal(role.ToString(), stored);
            Assert.Equal(role, RoleColumns.ToSessionRole(stored));
            Assert.True(stored.Length <= StoreLimits.MaxRoleLength);
        }
    }

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
    }
}
