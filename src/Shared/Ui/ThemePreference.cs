namespace Shared.Ui;

/// <summary>
/// Per-circuit theme state shared by the layout (which renders it) and the settings page (which changes it).
/// The choice is remembered in the <c>ua-theme</c> cookie so the first, prerendered paint is already right.
/// </summary>
public sealed class ThemePreference
{
    /// <summary>The cookie that remembers the choice.</summary>
    public const string CookieName = "ua-theme";

    /// <summary>The cookie in which the browser reports the OS preference (<c>1</c> for dark).</summary>
    public const string SystemDarkCookieName = "ua-os-dark";

    /// <summary>The chosen mode.</summary>
    public ThemeMode Mode { get; private set; } = ThemeMode.System;

    /// <summary>Whether the operating system currently prefers dark.</summary>
    public bool SystemPrefersDark { get; private set; }

    /// <summary>Whether the UI is dark right now.</summary>
    public bool IsDark => Mode switch
    {
        ThemeMode.Dark => true,
        ThemeMode.Light => false,
        _ => SystemPrefersDark,
    };

    /// <summary>Raised after any change, for components to re-render and persist.</summary>
    public event Func<Task>? Changed;

    /// <summary>Parses the cookie value; unknown values mean <see cref="ThemeMode.System"/>.</summary>
    public static ThemeMode Parse(string? value) =>
        Enum.TryParse<ThemeMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : ThemeMode.System;

    /// <summary>Sets the initial state without raising <see cref="Changed"/> (from the cookies at start-up).</summary>
    public void Initialize(ThemeMode mode, bool systemPrefersDark)
    {
        Mode = mode;
        SystemPrefersDark = systemPrefersDark;
    }

    /// <summary>Chooses a mode.</summary>
    public Task SetModeAsync(ThemeMode mode)
    {
        if (mode == Mode) return Task.CompletedTask;
        Mode = mode;
        return RaiseAsync();
    }

    /// <summary>Flips between light and dark from whatever is showing now.</summary>
    public Task ToggleAsync() => SetModeAsync(IsDark ? ThemeMode.Light : ThemeMode.Dark);

    /// <summary>Records the operating system's preference (reported by the browser).</summary>
    public Task SetSystemPrefersDarkAsync(bool dark)
    {
        if (dark == SystemPrefersDark) return Task.CompletedTask;
        SystemPrefersDark = dark;
        return Mode == ThemeMode.System ? RaiseAsync() : Task.CompletedTask;
    }

    private Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
