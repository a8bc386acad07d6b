using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.RedFlags;

namespace UnitTests.Upwork;

/// <summary>The red-flag rules one at a time: obfuscation, reasons in words, severities, and the client's history.</summary>
public sealed class RedFlagRulesTests
{
    private static IReadOnlyList<JobRedFlag> Flags(string description, string? jobType = null, decimal? budget = null, ClientInfo? client = null, decimal? market = null) =>
        RedFlagRules.Evaluate(new RedFlagInput("A job", description, jobType, budget, budget, client, null, market));

    [Theory]
    [InlineData("add me on tele gram @bob_hr")]
    [InlineData("contact me on W H A T S A P P +1 212 555 0100")]
    [InlineData("message me on sk-y-p-e: live:cid.123abc")]
    [InlineData("add me on ｔｅｌｅｇｒａｍ @bob")]
    [InlineData("write to me on t3l3gram @bob_hr")]
    [InlineData("my email is bob.smith (at) gmail (dot) com")]
    public void Disguised_requests_to_leave_upwork_are_flagged_high_with_the_words_quoted(string text)
    {
        var flag = Flags(text).Single(f => f.Code == RedFlagCodes.OffPlatform);

        flag.Severity.ShouldBe(RedFlagSeverity.High);
        flag.Why.ShouldContain("outside Upwork");
        flag.Why.ShouldContain("“");
    }

    [Theory]
    [InlineData("Build a Telegram bot that posts to our Telegram channel.")]
    [InlineData("Integrate the WhatsApp Business API with Salesforce.")]
    [InlineData("A Skype-like calling app in Flutter.")]
    public void Jobs_that_build_on_a_messenger_are_not_flagged(string text) => Flags(text).ShouldBeEmpty();

    [Fact]
    public void A_client_with_many_posts_and_no_hire_is_flagged_with_its_numbers()
    {
        var flags = Flags("Logo", "fixed", 200, new ClientInfo(0, 12, 0, null, 0, true, "US", null, null));

        flags.Single(f => f.Code == RedFlagCodes.NoHires).Why.ShouldContain("posted 12 jobs and hired no one");
    }

    [Fact]
    public void A_new_client_offering_far_above_its_history_is_flagged_but_a_small_first_job_is_not()
    {
        var fresh = new ClientInfo(0, 1, 0, null, 0, true, "US", null, null);

        Flags("Platform", "fixed", 20_000, fresh).Select(f => f.Code).ShouldContain(RedFlagCodes.BudgetAboveHistory);
        Flags("Proofread", "fixed", 40, fresh).ShouldBeEmpty();
    }

    [Fact]
    public void A_budget_far_below_what_the_salary_model_says_is_flagged_low_and_only_with_a_model()
    {
        Flags("Build an app", "fixed", 50, market: 2_000).Single().ShouldSatisfyAllConditions(
            f => f.Code.ShouldBe(RedFlagCodes.BudgetBelowMarket),
            f => f.Severity.ShouldBe(RedFlagSeverity.Low),
            f => f.Why.ShouldContain("$2,000"));
        Flags("Build an app", "fixed", 50).ShouldBeEmpty();
    }

    [Fact]
    public void Flags_are_listed_worst_first()
    {
        var flags = Flags("See https://example.org and pay in bitcoin. You will be paid in USDT.", client: new ClientInfo(5, 8, 4, 4.9, 9000, false, "US", null, null));

        flags.Select(f => RedFlagSeverity.Rank(f.Severity)).ShouldBeInOrder(SortDirection.Descending);
        flags[0].Code.ShouldBe(RedFlagCodes.UnusualPayment);
    }

    [Fact]
    public void A_hostile_pattern_input_finishes_quickly_and_flags_nothing()
    {
        var hostile = string.Concat(Enumerable.Repeat("t e l e g r a ", 5_000)) + "!";

        Should.CompleteIn(() => Flags(hostile), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_client_key_ignores_the_job_but_changes_with_the_client_history()
    {
        var client = new ClientInfo(3, 10, 2, 4.5, 1000, true, "Germany", "Berlin", "Europe/Berlin");

        RedFlagRules.ClientKey(client, null).ShouldBe(RedFlagRules.ClientKey(client with { }, "ignored when the panel has a country"));
        RedFlagRules.ClientKey(client with { TotalHires = 4 }, null).ShouldNotBe(RedFlagRules.ClientKey(client, null));
    }
}
