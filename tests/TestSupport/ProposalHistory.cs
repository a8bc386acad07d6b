using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Analytics.Data;
using Shared.Data;

namespace TestSupport;

/// <summary>
/// A user's proposal history as Analytics keeps it (coarse buckets only), written straight to <c>analytics.proposal_facts</c>
/// for pages that need hundreds of proposals. Laid out, not drawn: proposals alternate between payment-verified and
/// unverified clients, and in every run of ten the verified ones are hired three times and the unverified once (a planted
/// threefold hire rate); every other attribute is constant within each run of ten, so it carries no effect of its own.
/// </summary>
public static class ProposalHistory
{
    public static async Task SeedAsync(AppFactory app, Guid userId, int count)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        string[] categories = ["Web Development", "Mobile Apps", "Data Science"];
        string[] templates = ["Short", "Detailed", "Case study"];
        string[] letters = ["Under 100 words", "100–199 words", "200–299 words"];
        // The first start's rebuild replaces every user's facts from their Upwork proposals (none here): let it finish first.
        await Eventually.HoldsAsync(async () =>
        {
            await using var check = await app.CreateDbContextAsync();
            return await check.DailyMetrics().AnyAsync(m => m.Metric == "rollups_built");
        }, "the first start's rollup build");
        await using var db = await app.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            var verified = i % 2 == 0;
            var k = i / 2;
            var run = k / 10;
            var hired = verified ? k % 10 < 3 : k % 10 == 0;
            var replied = hired || k % 10 >= 7;
            var sent = now.AddHours(-(i * 13 % (80 * 24)) - 1);
            db.ProposalFacts().Add(new ProposalFactRow
            {
                ProposalId = Guid.NewGuid(), UserId = userId, SubmittedAt = sent, SubmittedOn = DateOnly.FromDateTime(sent.UtcDateTime),
                RepliedAt = replied ? sent.AddHours(3) : null, ViewedAt = replied ? sent.AddHours(2) : null, HiredAt = hired ? sent.AddDays(1) : null,
                HiredOn = hired ? DateOnly.FromDateTime(sent.AddDays(1).UtcDateTime) : null, AiGenerated = true, Template = templates[run % 3],
                Category = categories[run / 3 % 3], JobType = "fixed", BudgetBand = "$500–1,999", SpeedBucket = "1–4 hours", ConnectsSpent = 8,
                PaymentBucket = verified ? "Payment verified" : "Payment not verified", ClientHiresBucket = "1–9 hires", CompetitionBucket = "5–9 proposals",
                LetterBucket = letters[run / 9 % 3], RefreshedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
