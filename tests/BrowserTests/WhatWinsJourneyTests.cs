using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BrowserTests;

/// <summary>
/// "What wins for you" on Analytics and the backtest on the saved-search form, for a user with a history in which
/// payment-verified clients hire three times as often: the panel says so, and both panels are axe-clean in both themes;
/// and the AI page's panel for the user's own success model (holdout AUC, calibration), axe-clean in both themes too.
/// </summary>
public sealed class WhatWinsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task What_wins_shows_the_planted_effect_and_a_search_backtests_before_saving(string theme)
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await ProposalHistory.SeedAsync(fixture.App, user.UserId, 400);
        var page = await fixture.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        page.Context.SetDefaultTimeout(45_000);
        await page.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(page, user.Email, user.Password);
        await BrowserFixture.WaitForPathAsync(page, "/");

        await BrowserFixture.GotoInteractiveAsync(page, "/analytics");
        var panel = page.GetByTestId("what-wins");
        await Assertions.Expect(panel.GetByTestId("what-wins-baseline")).ToContainTextAsync("From your 400 proposals");
        var verified = panel.GetByTestId("what-wins-finding").Filter(new() { HasText = "“Payment verified”: 30% hire rate" });
        await Assertions.Expect(verified).ToContainTextAsync("▲ Raises");
        await Assertions.Expect(verified).ToContainTextAsync("3× the rest");

        await panel.GetByTestId("what-wins-attribute").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Client's payment" }).ClickAsync();
        var row = panel.GetByTestId("what-wins-row").Filter(new() { HasText = "Payment not verified" });
        await Assertions.Expect(row.GetByTestId("what-wins-verdict")).ToContainTextAsync("▼ Lowers");
        await BrowserFixture.ScreenshotAsync(page, $"what-wins-{theme}");
        await AxeCleanAsync(page, $"/analytics ({theme})");

        // The saved-search form backtests its unsaved values on the same history.
        await BrowserFixture.GotoInteractiveAsync(page, "/upwork/connection");
        await page.GetByLabel("Payment-verified clients only").CheckAsync();
        await page.GetByLabel("Keywords").FillAsync("blazor");
        await page.GetByTestId("backtest-search").ClickAsync();
        var result = page.GetByTestId("backtest-result");
        await Assertions.Expect(result).ToContainTextAsync("200 of your 400 proposals");
        await Assertions.Expect(result).ToContainTextAsync("30% (");
        await Assertions.Expect(result.GetByTestId("backtest-note")).ToContainTextAsync("Not checked: keywords");
        await AxeCleanAsync(page, $"/upwork/connection backtest ({theme})");
    }

    /// <summary>
    /// The AI page's panel for the user's own success model: holdout AUC against the general model's, calibration
    /// (mean predicted against observed win rate, Brier scores), and why a model that did worse is not used.
    /// </summary>
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_ai_page_shows_your_success_models_holdout_auc_and_calibration_and_why_it_is_not_used(string theme)
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await SeedSuccessModelAsync(user.UserId, rows: 48, metrics: """
            {"auc":0.58,"general_auc":0.64,"brier":0.214,"general_brier":0.187,"mean_predicted":0.31,"observed_rate":0.2,"train_rows":38,"holdout_rows":10}
            """);
        var page = await fixture.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        page.Context.SetDefaultTimeout(45_000);
        await page.GotoAsync("/account/login");
        await BrowserFixture.SubmitSignInAsync(page, user.Email, user.Password);
        await BrowserFixture.WaitForPathAsync(page, "/");

        await BrowserFixture.GotoInteractiveAsync(page, "/ai");
        var model = page.GetByTestId("success-model");
        await Assertions.Expect(model).ToContainTextAsync("learned from 48 of your decided proposals");
        var metrics = model.GetByTestId("success-model-metrics");
        await Assertions.Expect(metrics).ToContainTextAsync("AUC 0.58 against the general model's 0.64");
        await Assertions.Expect(metrics).ToContainTextAsync("predicted 31% wins on average, 20% actually won; Brier score 0.21 (general 0.19)");
        await Assertions.Expect(model.GetByTestId("success-model-status")).ToContainTextAsync("Not used: it did worse than the general model");
        await BrowserFixture.ScreenshotAsync(page, $"ai-success-model-{theme}");
        await AxeCleanAsync(page, $"/ai success model ({theme})");
    }

    /// <summary>A trained (not promoted) personal success model as the trainer stores it; its bytes are never read for an unused model.</summary>
    private async Task SeedSuccessModelAsync(Guid userId, int rows, string metrics)
    {
        await using var db = await fixture.App.CreateDbContextAsync();
        var type = db.Model.FindEntityType("Modules.Ai.Data.TrainedModelRow")!.ClrType;   // internal to the AI module
        var row = Activator.CreateInstance(type)!;
        void Set(string name, object? value) => type.GetProperty(name)!.SetValue(row, value);
        Set("Id", Guid.NewGuid());
        Set("Name", "success_model");
        Set("UserId", (Guid?)userId);
        Set("Version", 1);
        Set("TrainedAt", fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Set("Rows", rows);
        Set("Metrics", metrics.Trim());
        Set("Bytes", new byte[] { 1 });
        Set("IsActive", false);
        db.Add(row);
        await db.SaveChangesAsync();
    }

    private static async Task AxeCleanAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where} [{v.Impact}] {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ShouldBeEmpty();
    }
}
