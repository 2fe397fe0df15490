namespace PadHub.Components.Layout;

/// <summary>One language PadHub speaks.</summary>
/// <param name="Name">The culture name (<c>en</c>, <c>fr</c>): the resource files' suffix, the cookie's value, <c>&lt;html lang&gt;</c>.</param>
/// <param name="NativeName">The language's name in itself, as the switcher shows it whatever the page's language.</param>
public sealed record AppCulture(string Name, string NativeName);
