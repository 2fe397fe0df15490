using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace PadHub.Tests.Server.Hosting;

// PadHub:DataProtectionKeysDirectory keeps the keys (antiforgery, circuits) on disk, so they outlive a container.
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task Start_KeysDirectoryConfigured_KeysAreWrittenThereOwnerOnly()
    {
        var keys = Path.Combine(Path.GetTempPath(), "padhub-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:DataProtectionKeysDirectory"] = keys });
            server.Start();

            var protector = server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("payload", protector.Unprotect(protector.Protect("payload")));

            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            }
        }
        finally
        {
            if (Directory.Exists(keys))
            {
                Directory.Delete(keys, recursive: true);
            }
        }
    }
}
