using System.Security.Cryptography;
using System.Text;

namespace PaperGraph.Core;

/// <summary>Derives the keys that decide when two records are the same paper.</summary>
public static class PaperKeys
{
    /// <summary>
    /// Lower-cased letters and digits of a title, other characters dropped, so that
    /// <c>Vision- Language Models</c> and <c>Vision-Language models</c> share a key.
    /// </summary>
    public static string TitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in title.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                var c = (char)rune.Value;
                if (char.IsAsciiLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                var length = Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16);
                builder.Append(utf16[..length]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The id of a paper without an arXiv id: <c>t:</c> and 16 hex digits of SHA-256 over its key.</summary>
    public static string HashId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "t:" + Convert.ToHexStringLower(hash[..8]);
    }
}
