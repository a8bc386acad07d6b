using FakeUpwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Features.TrackProposals;

namespace IntegrationTests.Upwork;

/// <summary>
/// A connection lives through days of Upwork's clock (refreshes carry the client in the body, rotation kept), and a
/// refresh Upwork refuses for good asks the user to reconnect and stops polling for them, on both databases.
/// </summary>
public abstract class UpworkReconnectTests(UpworkHarness harness)
{
    [Fact]
    public async Task A_connection_survives_three_days_of_upworks_clock_with_a_body_credentialed_rotating_refresh_each_day()
    {
        var keyword = "days" + Guid.NewGuid().ToString("N")[..8];
        var (user, upworkUserId) = await ConnectAsNewUpworkUserAsync(keyword);

        for (var day = 1; day <= 3; day++)
        {
            // A day and an hour later the access token is dead on Upwork; yesterday's refresh token would be too (cut to
            // 24 h when it was rotated), so only a refresh that sends the client in the body and the rotated token works.
            harness.Fake.Clock.Advance(TimeSpan.FromHours(25));
            var job = harness.Inject(keyword);
            var since = harness.Fake.Stats.Requests.Count;

            var outcome = (await harness.SyncAsync(user.UserId)).Single();

            outcome.Succeeded.ShouldBeTrue($"day {day}: {outcome.Error}");
            outcome.NewJobs.ShouldBe(1);
            (await harness.StoredJobsAsync([job.Id])).Count.ShouldBe(1);
            var refreshes = harness.Fake.Stats.Requests.Skip(since).Where(r => r.VariablesJson == "grant_type=refresh_token").ToList();
            refreshes.Count.ShouldBe(1, $"day {day}");
            refreshes[0].StatusCode.ShouldBe(200);   // the fake refuses a refresh without client_id in the body
            harness.Fake.Stats.Requests.Skip(since).ShouldContain(r => r.UserId == upworkUserId && r.RootFields.Contains("marketplaceJobPostingsSearch") && r.StatusCode == 200);
        }

        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        view.Data.As<ConnectionView>().Account!.TokenHealth.ShouldBe("healthy");
    }

    [Theory]
    [InlineData("invalid_grant")]
    [InlineData("invalid_client")]
    [InlineData("invalid_request")]
    public async Task A_refresh_upwork_refuses_shows_reconnect_and_stops_polling_for_that_user_only(string error)
    {
        var refusedKeyword = "gone" + Guid.NewGuid().ToString("N")[..8];
        var healthyKeyword = "okay" + Guid.NewGuid().ToString("N")[..8];
        var (refused, refusedUpworkId) = await ConnectAsNewUpworkUserAsync(refusedKeyword);
        var (healthy, healthyUpworkId) = await ConnectAsNewUpworkUserAsync(healthyKeyword);
        harness.Inject(refusedKeyword);
        var healthyJob = harness.Inject(healthyKeyword);

        // Upwork stops accepting the refused user's access token, and then refuses the refresh with this error.
        foreach (var token in harness.Fake.State.IssuedTokens.Where(t => t.UserId == refusedUpworkId && t.Kind == FakeTokenKind.Access))
            harness.Fake.State.RevokeToken(token.Token);
        switch (error)
        {
            case "invalid_grant":
                harness.Fake.State.RevokeTokens(refusedUpworkId);
                break;
            case "invalid_client":
                harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.ClientSecret = "rotated-on-upwork");
                break;
            default:
                harness.Fake.Faults.RefuseNextTokenRequest("invalid_request", "Missing parameters: client_id");
                break;
        }
        SearchSyncOutcome failed;
        try
        {
            failed = (await harness.SyncAsync(refused.UserId)).Single();
        }
        finally
        {
            harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.ClientSecret = FakeUpworkOptions.DefaultClientSecret);
        }
        failed.Succeeded.ShouldBeFalse();
        harness.Fake.Stats.Requests.Last(r => r.VariablesJson == "grant_type=refresh_token").StatusCode.ShouldBe(400);

        // The API and the page say so, with a way back; nothing is a 500.
        var view = await refused.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        view.Status.ShouldBe(HttpStatusCode.OK);
        var account = view.Data.As<ConnectionView>().Account!;
        account.TokenHealth.ShouldBe("reconnect");
        account.LastError.ShouldNotBeNull().ShouldContain("reconnect Upwork");
        var page = await refused.Http.GetStringAsync("/upwork/connection");
        page.ShouldContain("data-testid=\"upwork-needs-reconnect\"");
        page.ShouldContain("data-testid=\"upwork-reconnect\"");
        page.ShouldContain("data-testid=\"appbar-upwork-reconnect\"");
        var import = await Envelope.ReadAsync(await refused.Http.PostAsync("/api/v1/upwork/connection/import-profile", null));
        import.Status.ShouldBe(HttpStatusCode.Conflict);
        (await healthy.Http.GetStringAsync("/upwork/connection")).ShouldNotContain("appbar-upwork-reconnect");

        // Polling goes on for everyone else and never for this user: the scheduler's runs fetch the healthy user's
        // search and proposals (the later event), and nothing at all with the refused user's authorization.
        await using (var db = await harness.App.CreateDbContextAsync())
            await db.Set<SyncState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, (DateTimeOffset?)null));   // every search is due
        var since = harness.Fake.Stats.Requests.Count;
        using (var scope = harness.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyncJobPostings>().RunDueAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SyncProposalStatuses>().RunAsync(CancellationToken.None);
        }

        var after = harness.Fake.Stats.Requests.Skip(since).ToList();
        (await harness.StoredJobsAsync([healthyJob.Id])).Count.ShouldBe(1);
        after.ShouldContain(r => r.UserId == healthyUpworkId && r.RootFields.Contains("marketplaceJobPostingsSearch"));
        after.ShouldContain(r => r.UserId == healthyUpworkId && r.RootFields.Contains("vendorProposals"));
        after.ShouldNotContain(r => r.UserId == refusedUpworkId);
        after.ShouldNotContain(r => (r.VariablesJson ?? "").Contains(refusedKeyword));
    }

    /// <summary>A new app user connected to a new Upwork account of their own, with a saved search for <paramref name="keyword"/>.</summary>
    private async Task<(SignedInClient User, string UpworkUserId)> ConnectAsNewUpworkUserAsync(string keyword)
    {
        var upworkId = "17" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nid = "fl" + upworkId[^8..];
        harness.Fake.State.AddUser(new FakeUser
        {
            Id = upworkId, Nid = nid, Rid = upworkId[^7..], Name = "Test F.", Email = $"{nid}@example.test",
            Organizations = [new FakeOrganization { Id = "18" + upworkId[2..], Rid = upworkId[^6..], Name = "Test F." }],
        });
        var approving = harness.Fake.State.ApprovingUserId;
        harness.Fake.State.ApprovingUserId = upworkId;
        try
        {
            return (await harness.ConnectedUserWithSearchAsync(keyword), upworkId);
        }
        finally
        {
            harness.Fake.State.ApprovingUserId = approving;
        }
    }
}

public sealed class UpworkReconnectPostgresTests(UpworkHarness harness) : UpworkReconnectTests(harness), IClassFixture<UpworkHarness>;

public sealed class UpworkReconnectSqliteTests(UpworkReconnectSqliteTests.Harness harness) : UpworkReconnectTests(harness), IClassFixture<UpworkReconnectSqliteTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        protected override DatabaseKind Database => DatabaseKind.Sqlite;
    }
}
