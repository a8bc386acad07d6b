using FakeUpwork;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Integrations.UpworkApi;

namespace IntegrationTests.Upwork;

/// <summary>An app with its own proposals hour: <see cref="PerHour"/> calls, <see cref="Reserve"/> of them kept for the human Submit button.</summary>
public abstract class ProposalsBudgetHarness : UpworkHarness
{
    protected abstract int PerHour { get; }

    protected abstract int Reserve { get; }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Upwork:Budgets:ProposalsPerHour"] = PerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Upwork:Budgets:SubmitReservePerHour"] = Reserve.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Four proposal calls an hour, two of them the Submit button's.</summary>
public sealed class SmallProposalsBudgetHarness : ProposalsBudgetHarness
{
    protected override int PerHour => 4;

    protected override int Reserve => 2;
}

/// <summary>The Submit button's reserve in the hourly proposals budget.</summary>
public sealed class SubmitReserveTests(SmallProposalsBudgetHarness harness) : IClassFixture<SmallProposalsBudgetHarness>
{
    [Fact]
    public async Task Background_status_sync_exhausting_its_share_leaves_the_submit_reserve_usable()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, job, id) = await SubmitDrafts.DraftAsync(harness, harness.App);
        var sync = harness.App.Services.GetRequiredService<SyncProposalStatuses>();

        // The sync reads one Upwork status per call (eight of them): its share of the hour runs out part-way.
        await Should.ThrowAsync<UpworkBudgetExhaustedException>(() => sync.SyncUserAsync(user.UserId, CancellationToken.None));
        await Should.ThrowAsync<UpworkBudgetExhaustedException>(() => sync.SyncUserAsync(user.UserId, CancellationToken.None));

        var submitted = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());
        harness.Fake.State.Proposals.Count(p => p.JobId == job.Id).ShouldBe(1);
    }
}

/// <summary>No proposals budget at all.</summary>
public sealed class NoProposalsBudgetHarness : ProposalsBudgetHarness
{
    protected override int PerHour => 0;

    protected override int Reserve => 0;
}

/// <summary>Failures before anything is sent answer in the envelope with what to do: a spent budget 429, an open circuit 503.</summary>
public sealed class SubmitFailureTests(NoProposalsBudgetHarness harness) : IClassFixture<NoProposalsBudgetHarness>
{
    [Fact]
    public async Task A_spent_budget_answers_429_with_when_to_retry_and_an_open_circuit_503_never_500()
    {
        await using var _ = SubmitPermission.Grant(harness.Fake);
        var (user, _, id) = await SubmitDrafts.DraftAsync(harness, harness.App);

        var spent = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        spent.Status.ShouldBe(HttpStatusCode.TooManyRequests, spent.Root.GetRawText());
        spent.Success.ShouldBeFalse();
        spent.Message.ShouldContain("try again after");
        spent.Response.Headers.RetryAfter.ShouldNotBeNull();
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("draft");

        // Failed attempts (each read is tried four times) open the app's circuit to Upwork: 80 % of at least twenty calls.
        harness.Fake.Faults.Enqueue(FakeFault.Http500(), 20);
        Envelope open;
        var reads = 0;
        do
        {
            open = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}/screening-questions");
            open.Status.ShouldBeOneOf(HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable);
        }
        while (open.Status == HttpStatusCode.BadGateway && ++reads < 6);
        harness.Fake.Faults.Clear();
        var seen = harness.Fake.Stats.GraphQlRequests;

        open.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, open.Root.GetRawText());
        open.Message.ShouldContain("paused");
        open.Response.Headers.RetryAfter.ShouldNotBeNull();
        var submit = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{id}/submit", new { confirm = true }));
        submit.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, submit.Root.GetRawText());
        harness.Fake.Stats.GraphQlRequests.ShouldBe(seen);   // nothing reached Upwork while the circuit was open
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{id}")).Data.As<ProposalView>().Status.ShouldBe("draft");
    }
}
