using MudBlazor;

namespace Shared.Ui;

/// <summary>The brand theme, light and dark.</summary>
public static class AppTheme
{
    /// <summary>The theme every layout uses.</summary>
    public static readonly MudTheme Value = new()
    {
        PaletteLight = new PaletteLight
        {
            // Darker than Upwork's own green, and darker status colours than MudBlazor's defaults: each meets WCAG AA
            // (4.5:1) as text on the page background and under white text on a filled button or chip.
            Primary = "#0b6e00",
            Secondary = "#1f57c3",
            Info = "#1565c0",
            Success = "#1b6e20",
            Warning = "#9a4f00",
            Error = "#c62828",
            TextSecondary = "#5c5f5c",
            AppbarBackground = "#0d2b12",
            AppbarText = "#ffffff",
            Background = "#f7faf7",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5cd65c",
            // Light colours on a dark page: text on filled buttons and chips is dark, or it fails WCAG AA contrast.
            PrimaryContrastText = "#0b1a0e",
            SuccessContrastText = "#0b1a0e",
            InfoContrastText = "#0b1a0e",
            WarningContrastText = "#0b1a0e",
            ErrorContrastText = "#0b1a0e",
            Secondary = "#7aa7ff",
            AppbarBackground = "#0b1a0e",
            Background = "#121614",
            Surface = "#1b211d",
            DrawerBackground = "#161b18",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
