using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 17 (low): a refresh token sent by many requests at the same moment, on PostgreSQL where the requests really
/// run side by side. Reading "unused" and then marking it used let every racer mint its own chain; spending it is now
/// one conditional UPDATE, so exactly one racer gets a new pair and the rest are treated as reuse.
/// </summary>
public sealed class RefreshRaceTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task One_refresh_token_sent_by_many_requests_at_once_mints_exactly_one_new_pair_and_the_reuse_signs_the_session_out()
    {
        const int racers = 12;
        // A warm path first (compiled, connections pooled), so the racers really overlap in the handler.
        var warm = await App.CreateSignedInClientAsync();
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = warm.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await App.CreateSignedInClientAsync();
        var clients = Enumerable.Range(0, racers).Select(_ => App.CreateClient()).ToList();

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = clients.Select(async client =>
        {
            await go.Task;
            return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(attempts);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, "one token, one new chain; got " + string.Join(",", answers.Select(a => (int)a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(racers - 1);
        var winner = await Envelope.ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var newRefresh = winner.Data.As<Tokens>().RefreshToken;
        var newAccess = winner.Data.As<Tokens>().AccessToken;

        // The losers presented a spent token: reuse. The family is revoked, the chain the winner got included.
        await using var db = await App.CreateDbContextAsync();
        (await db.Set<Modules.Identity.Data.RefreshToken>().CountAsync(t => t.UserId == user.UserId)).ShouldBe(2, "the registration's token and exactly one successor");
        (await db.Set<Modules.Identity.Data.AuditEvent>().CountAsync(e => e.UserId == user.UserId && e.Kind == "refresh_token_reuse")).ShouldBeGreaterThan(0);
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = newRefresh })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var profile = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/profile");
        profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", newAccess);
        (await App.CreateClient().SendAsync(profile)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_used_once_without_a_race_still_rotates_normally()
    {
        var user = await App.CreateSignedInClientAsync();

        var first = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }));
        var second = await Envelope.ReadAsync(await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = first.Data.As<Tokens>().RefreshToken }));

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.OK, "the successor is spent by the conditional update just the same");
    }
}
