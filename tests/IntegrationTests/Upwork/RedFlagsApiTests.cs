using Contracts.Upwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;

namespace IntegrationTests.Upwork;

/// <summary><c>GET /api/v1/upwork/jobs/{id}/red-flags</c> and the dismissals: reasons in words, owner only, per client.</summary>
public sealed class RedFlagsApiTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    private async Task<Guid> PasteAsync(SignedInClient user, string description)
    {
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new
        {
            title = $"Logo for a bakery {Guid.NewGuid().ToString("N")[..6]}", description, jobType = "fixed", budgetMin = 100, budgetMax = 100,
        }));
        job.Status.ShouldBe(HttpStatusCode.Created, job.Root.ToString());
        return job.Data.As<Created>().Id;
    }

    [Fact]
    public async Task The_owner_reads_the_flags_with_reasons_another_user_gets_404_and_a_dismissal_sticks_until_restored()
    {
        var owner = await fixture.App.CreateSignedInClientAsync();
        var stranger = await fixture.App.CreateSignedInClientAsync();
        var id = await PasteAsync(owner, "Simple logo. Please add me on w h a t s a p p +1 415 555 0199, <script>alert(1)</script> pay in USDT only.");

        var flags = await owner.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{id}/red-flags");
        flags.Status.ShouldBe(HttpStatusCode.OK);
        var list = flags.Data.As<IReadOnlyList<JobRedFlag>>();
        list.Select(f => f.Code).ShouldContain("off-platform");
        var offPlatform = list.Single(f => f.Code == "off-platform");
        offPlatform.Severity.ShouldBe("high");
        offPlatform.Why.ShouldContain("outside Upwork");
        offPlatform.Dismissed.ShouldBeFalse();

        (await stranger.Http.GetAsync($"/api/v1/upwork/jobs/{id}/red-flags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.PutAsync($"/api/v1/upwork/jobs/{id}/red-flags/off-platform/dismissal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Http.GetAsync($"/api/v1/upwork/jobs/{Guid.NewGuid()}/red-flags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Http.PutAsync($"/api/v1/upwork/jobs/{id}/red-flags/not-a-flag/dismissal", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var dismissed = await Envelope.ReadAsync(await owner.Http.PutAsync($"/api/v1/upwork/jobs/{id}/red-flags/off-platform/dismissal", null));
        dismissed.Data.As<IReadOnlyList<JobRedFlag>>().Single(f => f.Code == "off-platform").Dismissed.ShouldBeTrue();
        (await Envelope.ReadAsync(await owner.Http.PutAsync($"/api/v1/upwork/jobs/{id}/red-flags/off-platform/dismissal", null))).Status.ShouldBe(HttpStatusCode.OK);   // twice: same
        // The same client's other job (pasted jobs carry no client panel: one "unknown" client per country) shows it dismissed too.
        var second = await PasteAsync(owner, "Another logo, add me on telegram @bakery_owner");
        (await owner.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{second}/red-flags")).Data.As<IReadOnlyList<JobRedFlag>>()
            .Single(f => f.Code == "off-platform").Dismissed.ShouldBeTrue();

        var restored = await Envelope.ReadAsync(await owner.Http.DeleteAsync($"/api/v1/upwork/jobs/{id}/red-flags/off-platform/dismissal"));
        restored.Data.As<IReadOnlyList<JobRedFlag>>().Single(f => f.Code == "off-platform").Dismissed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_call_log_purge_removes_rows_older_than_thirty_days_and_running_it_again_changes_nothing()
    {
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            db.Set<UpworkCallLogEntry>().AddRange(
                new UpworkCallLogEntry { Id = Guid.CreateVersion7(), UserId = userId, At = now.AddDays(-31), Operation = "old", Category = "jobs", Reason = "test", Status = 200, Outcome = "ok" },
                new UpworkCallLogEntry { Id = Guid.CreateVersion7(), UserId = userId, At = now.AddDays(-29), Operation = "recent", Category = "jobs", Reason = "test", Status = 200, Outcome = "ok" });
            await db.SaveChangesAsync();
        }
        var log = fixture.App.Services.GetRequiredService<UpworkCallLog>();

        var first = await log.PurgeAsync(CancellationToken.None);
        var again = await log.PurgeAsync(CancellationToken.None);

        first.ShouldBeGreaterThanOrEqualTo(1);
        again.ShouldBe(0);
        await using var check = await fixture.App.CreateDbContextAsync();
        (await check.Set<UpworkCallLogEntry>().Where(e => e.UserId == userId).Select(e => e.Operation).ToListAsync()).ShouldBe(["recent"]);
    }
}
