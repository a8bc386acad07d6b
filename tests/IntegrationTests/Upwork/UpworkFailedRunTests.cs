using System.Globalization;
using System.Text.RegularExpressions;
using FakeUpwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Data;
using Modules.Upwork.Features.TrackProposals;

namespace IntegrationTests.Upwork;

/// <summary>
/// graphql-java's answer to a failed resolver, <c>{"data":{"&lt;root&gt;":null},"errors":[…]}</c>, is a failed run for
/// both syncs, shown to the user and counted in metrics, never an empty success.
/// </summary>
public sealed class UpworkFailedRunTests(UpworkFailedRunTests.Harness harness) : IClassFixture<UpworkFailedRunTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        protected override DatabaseKind Database => DatabaseKind.Sqlite;
    }

    // The first attempt and every retry of "Transform timeout" get the null root.
    private const int Attempts = 4;

    [Fact]
    public async Task A_null_search_root_with_errors_is_a_failed_run_shown_on_the_upwork_page_and_counted_as_an_error()
    {
        var keyword = "root" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.ConnectedUserWithSearchAsync(keyword);
        var job = harness.Inject(keyword);
        var errorsBefore = await SyncRunsAsync("error");
        harness.Fake.Faults.Enqueue(FakeFault.TransformTimeout(), times: Attempts);

        var outcome = (await harness.SyncAsync(user.UserId)).Single();
        harness.Fake.Faults.Pending.ShouldBe(0);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Error.ShouldNotBeNull().ShouldContain("Transform timeout");
        (await harness.StoredJobsAsync([job.Id])).ShouldBeEmpty();
        var view = await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection");
        var search = view.Data.As<ConnectionView>().Searches[0];
        search.LastError.ShouldNotBeNull().ShouldContain("Transform timeout");
        search.LastSuccessAt.ShouldBeNull();
        (await user.Http.GetStringAsync("/upwork/connection")).ShouldContain("Transform timeout");
        (await SyncRunsAsync("error")).ShouldBeGreaterThan(errorsBefore);

        // The next run reads everything the failed one could not.
        var recovered = (await harness.SyncAsync(user.UserId)).Single();
        recovered.Succeeded.ShouldBeTrue(recovered.Error);
        recovered.NewJobs.ShouldBe(1);
    }

    [Fact]
    public async Task A_null_vendor_proposals_root_with_errors_is_a_failed_status_sync_shown_on_the_upwork_page_then_cleared()
    {
        var user = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(user);
        var sync = harness.App.Services.GetRequiredService<SyncProposalStatuses>();
        var errorsBefore = await SyncRunsAsync("error");

        // Only this user's proposals are read in this run: the other tests' users of this class are disconnected first.
        await using (var db = await harness.App.CreateDbContextAsync())
            await db.Set<UpworkConnection>().Where(c => c.UserId != user.UserId).ExecuteDeleteAsync();
        harness.Fake.Faults.Enqueue(FakeFault.TransformTimeout(), times: Attempts);
        await sync.RunAsync(CancellationToken.None);
        harness.Fake.Faults.Pending.ShouldBe(0);

        var lastError = (await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().Account!.LastError;
        lastError.ShouldNotBeNull().ShouldContain("Proposal status sync failed");
        lastError.ShouldContain("Transform timeout");
        (await user.Http.GetStringAsync("/upwork/connection")).ShouldContain("Proposal status sync failed");
        (await SyncRunsAsync("error")).ShouldBeGreaterThan(errorsBefore);

        await sync.RunAsync(CancellationToken.None);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/connection")).Data.As<ConnectionView>().Account!.LastError.ShouldBeNull();
    }

    private async Task<double> SyncRunsAsync(string result)
    {
        var metrics = await harness.App.CreateClient().GetStringAsync("/metrics");
        var match = Regex.Match(metrics, $"^upwork_sync_runs_total\\{{result=\"{result}\"\\}} (\\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
