namespace Shared.Ui;

/// <summary>The user's theme choice.</summary>
public enum ThemeMode
{
    /// <summary>Follow the operating system's light or dark setting.</summary>
    System,

    /// <summary>Always light.</summary>
    Light,

    /// <summary>Always dark.</summary>
    Dark,
}
