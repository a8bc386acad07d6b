using System.Text;

namespace Modules.Upwork.Searches;

/// <summary>
/// A saved search's words as Upwork's <c>searchExpression_eq</c>, which "supports partial Lucene syntax"
/// (docs/upwork-api.md §2.2.1). What the user typed is kept — its case too, so <c>AND</c>, <c>OR</c> and <c>NOT</c> stay
/// operators — and only what would break or change the query is escaped: Lucene's special characters inside words
/// (<c>C++</c> → <c>C\+\+</c>, <c>:</c>, a stray quote), parentheses that do not pair up, and operators with nothing to
/// join (dropped). Balanced "quoted phrases", <c>(groups)</c> and a leading <c>-</c> (exclude) work as in Lucene.
/// </summary>
internal static class SearchExpression
{
    /// <summary>Lucene's query-syntax characters (classic QueryParser), escaped with a backslash inside words.</summary>
    private const string Special = "+-&|!(){}[]^\"~*?:\\/";

    private static readonly string[] Operators = ["AND", "OR", "NOT"];

    private enum Kind { Word, Phrase, Open, Close, Operator }

    private sealed record Token(Kind Kind, string Text);

    public static string Build(string query)
    {
        var tokens = Pair(Tokenize(query.Trim()));
        tokens = DropDanglingOperators(tokens);
        var sb = new StringBuilder();
        Token? previous = null;
        foreach (var token in tokens)
        {
            if (previous is not null && previous.Kind != Kind.Open && token.Kind != Kind.Close) sb.Append(' ');
            sb.Append(token.Kind switch
            {
                Kind.Word => EscapeWord(token.Text),
                Kind.Phrase => token.Text,   // already rendered with its quotes and prefix
                Kind.Open => "(",
                Kind.Close => ")",
                _ => token.Text,
            });
            previous = token;
        }
        return sb.ToString();
    }

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(Kind.Open, "(")); i++; continue; }
            if (c == ')') { tokens.Add(new Token(Kind.Close, ")")); i++; continue; }
            // A balanced "phrase", optionally excluded (-"…") or required (+"…"): kept, with backslashes escaped.
            var prefix = c is '-' or '+' && i + 1 < s.Length && s[i + 1] == '"' ? c.ToString() : "";
            var open = i + prefix.Length;
            if (open < s.Length && s[open] == '"')
            {
                var close = s.IndexOf('"', open + 1);
                if (close > open + 1)
                {
                    tokens.Add(new Token(Kind.Phrase, $"{prefix}\"{s[(open + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal)}\""));
                    i = close + 1;
                    continue;
                }
                if (close == open + 1) { i = close + 1; continue; }   // "" says nothing
            }
            var end = i;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] is not ('(' or ')')) end++;
            var word = s[i..end];
            tokens.Add(Operators.Contains(word, StringComparer.Ordinal) ? new Token(Kind.Operator, word) : new Token(Kind.Word, word));
            i = end;
        }
        return tokens;
    }

    /// <summary>Parentheses that pair up stay a group; any other (or an empty group) becomes a literal, escaped.</summary>
    private static List<Token> Pair(List<Token> tokens)
    {
        var open = new Stack<int>();
        var literal = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Open) open.Push(i);
            else if (tokens[i].Kind == Kind.Close)
            {
                if (open.Count == 0) literal.Add(i);
                else if (open.Peek() == i - 1) literal.UnionWith([open.Pop(), i]);
                else open.Pop();
            }
        }
        literal.UnionWith(open);
        return tokens.Select((t, i) => literal.Contains(i) ? new Token(Kind.Word, t.Text) : t).ToList();
    }

    /// <summary>AND/OR need something on both sides, NOT something after it; one that has not is dropped (Lucene would refuse the query).</summary>
    private static List<Token> DropDanglingOperators(List<Token> tokens)
    {
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != Kind.Operator) continue;
                var before = i > 0 ? tokens[i - 1] : null;
                var after = i + 1 < tokens.Count ? tokens[i + 1] : null;
                var leftOk = tokens[i].Text == "NOT" || before is { Kind: Kind.Word or Kind.Phrase or Kind.Close };
                var rightOk = after is { Kind: Kind.Word or Kind.Phrase or Kind.Open } || (after is { Kind: Kind.Operator, Text: "NOT" } && tokens[i].Text != "NOT");
                if (leftOk && rightOk) continue;
                tokens.RemoveAt(i);
                changed = true;
                break;
            }
        }
        while (changed);
        return tokens;
    }

    /// <summary>Escapes Lucene's special characters; a leading <c>-</c> or <c>+</c> before a word stays an operator.</summary>
    private static string EscapeWord(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        var start = 0;
        if (word.Length > 1 && word[0] is '-' or '+' && !Special.Contains(word[1], StringComparison.Ordinal))
        {
            sb.Append(word[0]);
            start = 1;
        }
        for (var i = start; i < word.Length; i++)
        {
            if (Special.Contains(word[i], StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(word[i]);
        }
        return sb.ToString();
    }
}
