using Shared.Ui;

namespace UnitTests;

public sealed class ThemePreferenceTests
{
    [Theory]
    [InlineData("dark", ThemeMode.Dark)]
    [InlineData("Light", ThemeMode.Light)]
    [InlineData("system", ThemeMode.System)]
    [InlineData("purple", ThemeMode.System)]
    [InlineData("42", ThemeMode.System)]
    [InlineData(null, ThemeMode.System)]
    public void A_cookie_value_parses_to_a_known_mode_or_falls_back_to_system(string? value, ThemeMode expected) =>
        ThemePreference.Parse(value).ShouldBe(expected);

    [Fact]
    public async Task An_explicit_choice_ignores_the_os_and_system_follows_it()
    {
        var theme = new ThemePreference();
        var changes = 0;
        theme.Changed += () => { changes++; return Task.CompletedTask; };

        await theme.SetSystemPrefersDarkAsync(true);
        theme.IsDark.ShouldBeTrue();
        await theme.SetModeAsync(ThemeMode.Light);
        await theme.SetSystemPrefersDarkAsync(false);
        await theme.SetSystemPrefersDarkAsync(true);

        theme.IsDark.ShouldBeFalse();
        changes.ShouldBe(2);   // the OS flip while on Light is not a visible change
    }
}
