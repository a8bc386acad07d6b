namespace IntegrationTests.Ai;

/// <summary>
/// The letter being edited, through <c>/api/v1/ai/drafts/{jobPostingId}</c>: kept, read back, forgotten when blank, one
/// user's never another's (the fault suite reads it after a kill -9 mid-letter: tests/faults/run.sh, scenario 2).
/// </summary>
public sealed class LetterDraftApiTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_draft_is_kept_read_back_and_forgotten_when_blank_and_nobody_else_sees_it()
    {
        var owner = await fixture.App.CreateSignedInClientAsync();
        var other = await fixture.App.CreateSignedInClientAsync();
        var jobId = Guid.NewGuid();

        (await owner.Http.GetEnvelopeAsync($"/api/v1/ai/drafts/{jobId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Envelope.ReadAsync(await owner.Http.PutAsJsonAsync($"/api/v1/ai/drafts/{jobId}", new { text = "Dear client, my first line." }))).Status.ShouldBe(HttpStatusCode.OK);

        var read = await owner.Http.GetEnvelopeAsync($"/api/v1/ai/drafts/{jobId}");
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Data.As<LetterDraftView>().Text.ShouldBe("Dear client, my first line.");
        (await other.Http.GetEnvelopeAsync($"/api/v1/ai/drafts/{jobId}")).Status.ShouldBe(HttpStatusCode.NotFound);

        await owner.Http.PutAsJsonAsync($"/api/v1/ai/drafts/{jobId}", new { text = "  " });
        (await owner.Http.GetEnvelopeAsync($"/api/v1/ai/drafts/{jobId}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_over_the_limit_is_a_400_naming_text()
    {
        var user = await fixture.App.CreateSignedInClientAsync();

        var response = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/ai/drafts/{Guid.NewGuid()}", new { text = new string('x', 20_001) }));

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Errors.Select(e => e.Field).ShouldContain("text");
    }
}
