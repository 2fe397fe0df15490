namespace PadHub.Components.Contracts.Sessions;

/// <summary>The short list of open licences a session chooses from.</summary>
public static class SessionLicences
{
    /// <summary>The licence of a session that chose none.</summary>
    public const string Default = "CC-BY-4.0";

    /// <summary>Every licence offered, the default first.</summary>
    public static IReadOnlyList<SessionLicence> All { get; } =
    [
        new(Default, "Creative Commons Attribution 4.0", new Uri("https://creativecommons.org/licenses/by/4.0/")),
        new("CC-BY-SA-4.0", "Creative Commons Attribution Share-Alike 4.0", new Uri("https://creativecommons.org/licenses/by-sa/4.0/")),
        new("CC0-1.0", "Creative Commons Zero v1.0 Universal", new Uri("https://creativecommons.org/publicdomain/zero/1.0/")),
        new("ODC-By-1.0", "Open Data Commons Attribution License v1.0", new Uri("https://opendatacommons.org/licenses/by/1-0/")),
        new("ODbL-1.0", "Open Data Commons Open Database License v1.0", new Uri("https://opendatacommons.org/licenses/odbl/1-0/")),
        new("PDDL-1.0", "Open Data Commons Public Domain Dedication and License v1.0", new Uri("https://opendatacommons.org/licenses/pddl/1-0/")),
    ];

    /// <summary>The licence with SPDX id <paramref name="id"/> (ordinal, as SPDX ids are case-sensitive), or null.</summary>
    public static SessionLicence? Find(string? id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));
}
