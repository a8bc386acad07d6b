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
            Primary = "#108a00",
            Secondary = "#1f57c3",
            AppbarBackground = "#0d2b12",
            AppbarText = "#ffffff",
            Background = "#f7faf7",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5cd65c",
            Secondary = "#7aa7ff",
            AppbarBackground = "#0b1a0e",
            Background = "#121614",
            Surface = "#1b211d",
            DrawerBackground = "#161b18",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
