using IntegrationTests.Upwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Features.ShowAuditLog;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 item 6: a flood of sign-in attempts costs a handful of audit rows (repeats are counted), rows past the
/// retention are purged by the job, and listings take the newest N in the database.
/// </summary>
public sealed class AuditLogTests
{
    private static AppFactory NewApp(DatabaseKind database, ShiftedClock clock, IDictionary<string, string?>? settings = null) =>
        new(database, settings, services => services.AddSingleton<TimeProvider>(clock));

    private static async Task<List<AuditEvent>> EventsAsync(AppFactory app, Guid? userId, params string[] kinds)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.Set<AuditEvent>().AsNoTracking().Where(e => e.UserId == userId && kinds.Contains(e.Kind)).ToListAsync())
            .OrderBy(e => e.CreatedAt).ToList();
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Fifty_attempts_on_a_locked_account_and_fifty_on_an_unknown_address_leave_a_handful_of_counted_rows(DatabaseKind database)
    {
        var clock = new ShiftedClock();
        await using var app = NewApp(database, clock, new Dictionary<string, string?> { ["Auth:PasswordHashIterations"] = "1000" });
        await app.StartAsync();
        var victim = await app.CreateSignedInClientAsync();
        var attacker = app.CreateClient();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        for (var i = 0; i < 50; i++)
        {
            await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = $"Wrong!Passw0rd{i}" });
            await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = unknown, password = $"Wrong!Passw0rd{i}" });
        }

        var victimRows = await EventsAsync(app, victim.UserId, AuditLog.SignInFailed, AuditLog.LockedOut);
        victimRows.Count.ShouldBeLessThanOrEqualTo(3, "repeats are counted on a row, not inserted");
        victimRows.Sum(e => e.Count).ShouldBe(50, "every attempt is still counted");
        victimRows.ShouldContain(e => e.Kind == AuditLog.LockedOut && e.Count > 40);
        var anonymousRows = (await EventsAsync(app, null, AuditLog.SignInFailed, AuditLog.LockedOut)).Where(e => e.Detail == "unknown email").ToList();
        anonymousRows.ShouldHaveSingleItem().Count.ShouldBe(50);

        // Past the window, the next attempt starts a row of its own.
        clock.Advance(AuditLog.CollapseWindow + TimeSpan.FromMinutes(1));
        await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = unknown, password = "Wrong!Passw0rd" });
        var later = (await EventsAsync(app, null, AuditLog.SignInFailed)).Where(e => e.Detail == "unknown email").ToList();
        later.Count.ShouldBe(2);
        later[^1].Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_retention_job_purges_events_older_than_the_configured_days_and_keeps_the_rest()
    {
        var clock = new ShiftedClock();
        await using var app = NewApp(DatabaseKind.Sqlite, clock, new Dictionary<string, string?> { ["Auth:AuditRetentionDays"] = "30" });
        await app.StartAsync();
        var user = await app.CreateSignedInClientAsync();
        var now = clock.GetUtcNow();
        var old = Event(user.UserId, "old", now - TimeSpan.FromDays(31));
        var recent = Event(user.UserId, "recent", now - TimeSpan.FromDays(29));
        var stillRepeating = Event(null, "still repeating", now - TimeSpan.FromDays(40));
        stillRepeating.LastAt = now - TimeSpan.FromDays(1);
        await using (var db = await app.CreateDbContextAsync())
        {
            db.Set<AuditEvent>().AddRange(old, recent, stillRepeating);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<PurgeAuditEventsJob>(scope.ServiceProvider).Execute(null!, CancellationToken.None);

        await using var check = await app.CreateDbContextAsync();
        var left = await check.Set<AuditEvent>().AsNoTracking().Select(e => e.Detail).ToListAsync();
        left.ShouldNotContain("old");
        left.ShouldContain("recent");
        left.ShouldContain("still repeating", "a row whose last repeat is inside the retention stays");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Listings_return_exactly_the_newest_n_events_newest_first(DatabaseKind database)
    {
        var clock = new ShiftedClock();
        await using var app = NewApp(database, clock);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();   // the first account is the admin
        var member = await app.CreateSignedInClientAsync();
        var start = clock.GetUtcNow() + TimeSpan.FromHours(1);   // after the registrations' own events
        var order = Enumerable.Range(0, 260).OrderBy(i => (i * 7919) % 260).ToList();   // inserted out of order
        await using (var db = await app.CreateDbContextAsync())
        {
            foreach (var i in order) db.Set<AuditEvent>().Add(Event(member.UserId, $"event {i:D3}", start + TimeSpan.FromMinutes(i)));
            await db.SaveChangesAsync();
        }
        var expected = Enumerable.Range(0, 260).Reverse().Select(i => $"event {i:D3}").ToList();

        var page = await app.Services.GetRequiredService<ListAuditEvents>().ForUserAsync(member.UserId, 10, CancellationToken.None);
        var own = await Envelope.ReadAsync(await member.Http.GetAsync("/api/v1/identity/audit"));
        var workspace = await Envelope.ReadAsync(await admin.Http.GetAsync("/api/v1/identity/admin/audit"));

        page.Select(e => e.Detail).ShouldBe(expected.Take(10));
        own.Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Detail).ShouldBe(expected.Take(100));
        workspace.Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Detail).ShouldBe(expected.Take(200));
        workspace.Data.As<IReadOnlyList<AuditEntry>>()[0].Email.ShouldBe(member.Email);
    }

    private static AuditEvent Event(Guid? userId, string detail, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Kind = "test_event",
        Detail = detail,
        CreatedAt = at,
        LastAt = at,
    };
}
