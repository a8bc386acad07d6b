using Shared.Text;

namespace UnitTests;

/// <summary>What a letter quotes of a job post is found whatever its case and punctuation, and the letter's own words stay.</summary>
public sealed class QuotedTextTests
{
    private const string Post = "We need a dashboard. Our warehouse data lives in Snowflake and refreshes nightly. Details follow in chat.";

    [Fact]
    public void A_restated_sentence_is_replaced_and_the_letters_own_words_stay()
    {
        var letter = "Hi,\n\nYou wrote that your warehouse data lives in Snowflake and refreshes nightly. I would add a freshness check.\n\nBest,\nAnna";
        var scrubbed = QuotedText.Scrub(letter, Post, "[quote]");
        scrubbed.ShouldBe("Hi,\n\nYou wrote that your [quote]. I would add a freshness check.\n\nBest,\nAnna");
    }

    [Fact]
    public void Case_and_punctuation_do_not_hide_a_quote()
    {
        QuotedText.Scrub("On \"details, follow in CHAT\": fine.", Post, "[q]").ShouldBe("On \"[q]\": fine.");
    }

    [Fact]
    public void Fewer_than_four_words_in_a_row_are_not_a_quote()
    {
        var letter = "I can build a dashboard in Snowflake for you.";
        QuotedText.Scrub(letter, Post, "[q]").ShouldBe(letter);
    }

    [Fact]
    public void A_quote_across_a_line_break_is_two_runs()
    {
        QuotedText.Scrub("data lives in Snowflake\nand refreshes nightly. details follow in chat", Post, "[q]").ShouldBe("[q]\n[q]");
    }

    [Fact]
    public void Nothing_to_compare_leaves_the_letter_as_it_is()
    {
        QuotedText.Scrub("A letter.", null, "[q]").ShouldBe("A letter.");
        QuotedText.Scrub("A letter.", "  ", "[q]").ShouldBe("A letter.");
    }
}

/// <summary>Ids and code words in a post are never topics the offline writer names.</summary>
public sealed class CodeLikeWordTests
{
    [Theory]
    [InlineData("zqdesc8d1f44ef42", true)]
    [InlineData("a1b2c3", true)]
    [InlineData("S3", false)]
    [InlineData("GA4", false)]
    [InlineData("OAuth2", false)]
    [InlineData("ISO27001", false)]
    [InlineData("dashboard", false)]
    public void Ids_are_told_from_words(string word, bool codeLike) =>
        Modules.Ai.Writing.PostReader.CodeLike(word).ShouldBe(codeLike);
}
