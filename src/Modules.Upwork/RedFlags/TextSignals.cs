using System.Text;
using System.Text.RegularExpressions;
using Contracts.Upwork;

namespace Modules.Upwork.RedFlags;

/// <summary>
/// The text half of the red flags (docs/red-flags.md): word lists and patterns over a job's title and description that
/// tolerate the usual obfuscation ("tele gram", "w h a t s a p p", "wh@tsapp", "john (at) gmail (dot) com"). A messenger's
/// name alone is never a flag (jobs build Telegram bots and WhatsApp integrations); it takes a request to be contacted
/// there, a handle or number, or "my telegram". Every pattern has a timeout: the text is a stranger's.
/// </summary>
internal static partial class TextSignals
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Between two letters of a disguised word: up to three spaces, dots, dashes, stars, quotes or slashes.</summary>
    private const string Gap = @"[\s._\-*'’|/\\,+~]{0,3}";

    private static readonly string[] Messengers = ["telegram", "whatsapp", "skype", "wechat", "viber", "discord", "signal app", "imo", "kik"];

    private static readonly Regex MessengerMention = new(
        @"(?<![a-z0-9])(?<name>" + string.Join("|", Messengers.Where(m => m.Length > 3).Select(Disguisable)) + @")(?![a-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    // Words right after a messenger's name that make it a product being built, not a contact channel.
    private static readonly Regex ProductAfter = new(
        @"^\s*(bot|bots|api|apis|business|channel|channels|group|groups|integration|integrations|mini ?app|web ?app|cloud|webhook|webhooks|template|templates|chatbot|server|servers|community|communities|clone|notifications?|messages? (to|from) (customers|users|clients)|sdk|automation|account for (the|our) (shop|store|business))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ContactBefore = new(
        @"\b(add|text|message|msg|ping|contact|dm|reach|call|write|hit|find|catch|connect with|talk to|chat with|get in touch with)\s+(me|us)\b[^.!?\n]{0,25}$|\b(on|via|over|through|in|to)\s*$|\bmy\s*$|\b(me|us)\s+on\s*$|\bour\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ContactVerbNear = new(
        @"\b(add|text|message|msg|ping|contact|dm|reach|call|write|hit|get in touch|talk|chat|discuss|communicate|continue|move|switch)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ContactAfter = new(
        @"^\s*(id|handle|user ?name|nick|number|no\.?|contact|account)?\s*(is|:|-|=)?\s*(@[a-z0-9_]{3,}|\+?\d[\d\s\-().]{6,}\d|live:[a-z0-9_.]+)|^\s*(me|us)\b|^\s*(for|to)\s+(more|further|details|discussion|faster|quick)|^\s*(asap|only|instead)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    [GeneratedRegex(@"\b(t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|join\.skype\.com|discord\.gg)\s*/\s*[\w+]+|\bskype:\s*[\w.:]+|\blive:\.?cid\.[\w]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex MessengerLink();

    [GeneratedRegex(@"\b(outside|off|away from|bypass(ing)?)\s+(of\s+)?(the\s+)?up\s*work\b|\b(pay|paid|payment|contract)\s+(you\s+)?(directly|direct)\b|\b(pay|paid|payment)\b[^.!?\n]{0,30}\b(via|through|by|with|over|using|on)\s+(paypal|payoneer|wise|zelle|cash ?app|venmo|revolut|bank transfer|wire transfer|skrill)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex OffUpwork();

    [GeneratedRegex(@"(?<![\w.+-])[a-z0-9._%+-]{2,}@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b[a-z0-9._%+-]{2,}\s*(\(at\)|\[at\]|\{at\}|<at>|\s+at\s+|\s+@\s+)\s*(gmail|yahoo|hotmail|outlook|proton(mail)?|icloud|mail|aol|yandex|gmx)\s*(\.|\(dot\)|\[dot\]|\{dot\}|\s+dot\s+)\s*(com|net|me|ru|de|co|ch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex DisguisedEmail();

    [GeneratedRegex(@"\b(e-?mail|gmail|mail)\s+(me|us)\b|\bmy\s+(e-?mail|gmail)\b(?!\s+(marketing|campaigns?|lists?|templates?|newsletters?|automation|inbox|server|client|sequences?|signature))|\bsend\b[^.!?\n]{0,30}\bto\s+my\s+(e-?mail|gmail|inbox)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex EmailMe();

    [GeneratedRegex(@"(?<![\w$€£.,])(\+\s?\d{1,3}[\s\-.]?)?\(?\d{2,4}\)?[\s\-.]?\d{3,4}[\s\-.]?\d{3,4}(?![\w.,%])", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\b(call|text|phone|mobile|cell|number|tel|contact|reach|whats\s*app|sms|ring)\b[^.!?\n]{0,30}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex PhoneContext();

    [GeneratedRegex(@"\b(unpaid|non[\s-]?paid|no[\s-]?pay)\s+(test|trial|sample|task|assignment|work|project|job)\b|\bfree\s+(test|trial|sample)\s+(task|work|project|assignment|job)\b|\b(test|trial|sample)\s*(task|project|assignment|work|job)?\b[^.!?\n]{0,60}\b(is\s+)?(unpaid|free of charge|for free|not paid|won'?t be paid|will not be paid|will not be compensated|won'?t be compensated|without (any )?(pay|payment|compensation))\b|\b(do|complete|finish|submit|write|design|build)\b[^.!?\n]{0,40}\b(for free|free of charge|without (any )?(pay|payment|compensation))\b[^.!?\n]{0,40}\b(test|trial|first|before|prove)\b|\b(test|trial|prove)\b[^.!?\n]{0,40}\b(for free|free of charge)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex UnpaidTest();

    [GeneratedRegex(@"\b(paid|pay\s+(you|u)|(we|i|they|client)\s+(will\s+|'ll\s+)?pay|payment\s+(will\s+be|is|goes|is\s+made|will\s+be\s+made|will\s+be\s+sent)|be\s+paid|compensated|salary|reward(ed)?|paying)\s+(only\s+|exclusively\s+|weekly\s+|monthly\s+)?(in|via|with|by|through|using)\s+(crypto(currency|currencies)?|bitcoin|btc|usdt|tether|ethereum|eth|bnb|solana|tron|trc-?20|litecoin|gift\s*cards?|amazon\s+(gift\s+)?cards?|itunes\s+cards?|steam\s+(gift\s+)?cards?|google\s+play\s+cards?|western\s+union|moneygram)\b|\b(gift\s*cards?|western\s+union|moneygram)\b[^.!?\n]{0,25}\b(as|for)\s+(payment|pay|compensation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex UnusualPayment();

    [GeneratedRegex(@"\b(send|provide|share|give|need|require|submit|forward|enter|upload|tell)\b[^.!?\n]{0,30}\b(your|ur)\s+(full\s+)?(bank\s*(account|details|info\w*|card|login|statements?)|account\s+(number|details)|routing\s+number|iban|swift\s+code|ssn|social\s+security(\s+number)?|passport|national\s+id|id\s*(card|number|photo|scan|document)|driver'?s?\s+licen[cs]e|credit\s+card|debit\s+card|card\s+(number|details)|cvv|(paypal|upwork|bank|email|gmail)\s+(login|password|credentials|account\s+password)|password|login\s+(details|credentials)|home\s+address|date\s+of\s+birth|selfie|phone\s+verification\s+code|verification\s+code|otp)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex PersonalDetails();

    [GeneratedRegex(@"\bhttps?://[^\s<>""')\]]+|\bwww\.[a-z0-9-]+(\.[a-z0-9-]+)+[^\s<>""')\]]*|(?<![@\w.])([a-z0-9-]{2,}\.)+(com|org|io|co|ly|gl|gd|cc|me|app|dev|xyz|site|online|link|info|biz|at|ru|in)(/[^\s<>""')\]]*)?(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Link();

    private static readonly HashSet<string> Shorteners = new(StringComparer.OrdinalIgnoreCase)
    {
        "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rb.gy", "shorturl.at", "rebrand.ly", "tiny.cc",
        "s.id", "t.ly", "bl.ink", "shorte.st", "adf.ly", "v.gd", "lnkd.in", "tr.im", "qr.ae",
    };

    // Names of technologies written like domains; never links.
    private static readonly HashSet<string> NotDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "socket.io", "asp.net", "vb.net", "ado.net", "node.js", "vue.js", "next.js", "nuxt.js", "react.js", "three.js", "d3.js", "chart.js",
        "express.js", "nest.js", "ember.js", "moment.js", "p5.js", "pixi.js", "alpine.js", "bubble.io", "draw.io", "pusher.io",
    };

    /// <summary>The text flags of a job's title and description.</summary>
    public static IEnumerable<JobRedFlag> Find(string title, string? description)
    {
        var text = Normalise($"{title}\n{description}");
        if (OffPlatformEvidence(text) is { } offPlatform)
            yield return new JobRedFlag(RedFlagCodes.OffPlatform, RedFlagSeverity.High,
                $"Asks to talk or pay outside Upwork ({Quote(offPlatform)}): Upwork forbids moving off the platform before a contract, and it is the first step of most scams.");
        if (UnusualPayment().Match(text) is { Success: true } pay)
            yield return new JobRedFlag(RedFlagCodes.UnusualPayment, RedFlagSeverity.High,
                $"Offers payment in crypto, gift cards or money transfers ({Quote(pay.Value)}): such payments bypass Upwork's payment protection and cannot be reversed.");
        if (PersonalDetails().Match(text) is { Success: true } personal)
            yield return new JobRedFlag(RedFlagCodes.PersonalDetails, RedFlagSeverity.High,
                $"Asks for personal, bank or login details ({Quote(personal.Value)}): a real client never needs them to hire you on Upwork.");
        if (UnpaidTest().Match(text) is { Success: true } test)
            yield return new JobRedFlag(RedFlagCodes.UnpaidTest, RedFlagSeverity.Medium,
                $"Asks for unpaid test work ({Quote(test.Value)}): Upwork's terms say work done for a client must be paid, tests included.");
        var links = Link().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?')).Where(l => !NotDomains.Contains(l)).ToList();
        var shortened = links.FirstOrDefault(l => Shorteners.Contains(Host(l)));
        if (shortened is not null)
            yield return new JobRedFlag(RedFlagCodes.ShortLink, RedFlagSeverity.Medium,
                $"Contains a shortened link ({Quote(shortened)}) that hides where it leads; open it only if you trust the client.");
        var external = links.FirstOrDefault(l => !Shorteners.Contains(Host(l)) && !IsUpwork(Host(l)) && !IsMessengerLink(l));
        if (external is not null)
            yield return new JobRedFlag(RedFlagCodes.ExternalLink, RedFlagSeverity.Low,
                $"Links to a site outside Upwork ({Quote(external)}): fine for a portfolio or a brief, but never sign in or pay there.");
    }

    /// <summary>What shows a request to leave Upwork, or null.</summary>
    private static string? OffPlatformEvidence(string text)
    {
        if (MessengerLink().Match(text) is { Success: true } link) return link.Value;
        if (OffUpwork().Match(text) is { Success: true } off) return off.Value;
        foreach (Match m in MessengerMention.Matches(text))
        {
            var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 40)];
            if (ProductAfter.IsMatch(after)) continue;
            var before = text[Math.Max(0, m.Index - 60)..m.Index];
            var sentenceStart = before.LastIndexOfAny(['.', '!', '?', '\n']);
            var sameSentence = sentenceStart >= 0 ? before[(sentenceStart + 1)..] : before;
            if (ContactAfter.IsMatch(after)) return Snip(text, m.Index, m.Length + 20);
            if (ContactBefore.IsMatch(sameSentence) && ContactVerbNear.IsMatch(sameSentence + " " + after[..Math.Min(after.Length, 15)]))
                return Snip(text, m.Index - Math.Min(30, sameSentence.Length), m.Length + Math.Min(30, sameSentence.Length));
            if (Regex.IsMatch(sameSentence, @"\b(my|personal)\s*$", RegexOptions.IgnoreCase, Timeout)) return Snip(text, m.Index - 3, m.Length + 3);
        }
        if (EmailAddress().Match(text) is { Success: true } email) return email.Value;
        if (DisguisedEmail().Match(text) is { Success: true } disguised) return disguised.Value;
        if (EmailMe().Match(text) is { Success: true } emailMe) return emailMe.Value;
        foreach (Match phone in PhoneNumber().Matches(text))
        {
            var digits = phone.Value.Count(char.IsAsciiDigit);
            if (digits is < 9 or > 15) continue;
            var lead = text[Math.Max(0, phone.Index - 40)..phone.Index];
            if (phone.Value.TrimStart().StartsWith('+') || PhoneContext().IsMatch(lead)) return phone.Value.Trim();
        }
        return null;
    }

    /// <summary>A messenger's name with gaps allowed between its letters and look-alike characters (0 for o, 3 for e, @ for a…).</summary>
    private static string Disguisable(string word)
    {
        var sb = new StringBuilder();
        foreach (var c in word)
        {
            if (c == ' ') continue;   // the gap before the next letter covers the space
            if (sb.Length > 0) sb.Append(Gap);
            sb.Append(c switch
            {
                'a' => "[a@4]",
                'e' => "[e3€]",
                'i' => "[i1!]",
                'o' => "[o0]",
                's' => "[s$5]",
                'l' => "[l1|]",
                'g' => "[g9]",
                't' => "[t7]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return sb.ToString();
    }

    /// <summary>Lower case, look-alike Unicode letters folded, zero-width characters dropped.</summary>
    internal static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD') continue;
            sb.Append(c switch
            {
                'а' => 'a',
                'е' => 'e',
                'о' => 'o',
                'р' => 'p',
                'с' => 'c',
                'х' => 'x',
                'у' => 'y',
                'і' => 'i',
                'ѕ' => 's',
                'к' => 'k',
                'т' => 't',
                'м' => 'm',
                '\u2019' => '\'',
                '\u00A0' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }

    private static string Host(string link)
    {
        var l = link;
        var scheme = l.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) l = l[(scheme + 3)..];
        var end = l.IndexOfAny(['/', '?', '#', ':']);
        var host = (end >= 0 ? l[..end] : l).ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static bool IsUpwork(string host) => host == "upwork.com" || host.EndsWith(".upwork.com", StringComparison.Ordinal);

    private static bool IsMessengerLink(string link) => MessengerLink().IsMatch(link);

    private static string Snip(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        return text.Substring(start, Math.Clamp(length, 0, text.Length - start)).Trim();
    }

    private static string Quote(string evidence)
    {
        var oneLine = Regex.Replace(evidence, @"\s+", " ", RegexOptions.None, Timeout).Trim();
        return "“" + (oneLine.Length > 60 ? oneLine[..57] + "…" : oneLine) + "”";
    }
}
