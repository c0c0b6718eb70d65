using System.Text;

namespace Bitbucket.Refit.Generator;

/// <summary>A small line diff (longest common subsequence) printed in unified format with 3 lines of context.</summary>
public static class UnifiedDiff
{
    /// <summary>Renders the difference between two texts.</summary>
    /// <param name="path">The file name for the header.</param>
    /// <param name="before">The old text.</param>
    /// <param name="after">The new text.</param>
    /// <returns>The diff, empty when the texts are equal.</returns>
    public static string Render(string path, string before, string after)
    {
        if (before == after)
        {
            return "";
        }

        var a = Lines(before);
        var b = Lines(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line, int OldLine, int NewLine)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x], x++, y++));
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(('+', b[y], x, y++));
            }
            else
            {
                edits.Add(('-', a[x], x++, y));
            }
        }

        var output = new StringBuilder().Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var k = 0;
        while (k < edits.Count)
        {
            if (edits[k].Kind == ' ')
            {
                k++;
                continue;
            }

            var start = Math.Max(0, k - 3);
            var end = k;
            for (var quiet = 0; end < edits.Count && quiet <= 6; end++)
            {
                quiet = edits[end].Kind == ' ' ? quiet + 1 : 0;
            }

            end = Math.Min(edits.Count, end);
            while (end > k && edits[end - 1].Kind == ' ' && end - 1 > LastChange(edits, start, end) + 3)
            {
                end--;
            }

            var hunk = edits.GetRange(start, end - start);
            output.Append($"@@ -{hunk[0].OldLine + 1},{hunk.Count(e => e.Kind != '+')} +{hunk[0].NewLine + 1},{hunk.Count(e => e.Kind != '-')} @@\n");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).Append(edit.Line).Append('\n');
            }

            k = end;
        }

        return output.ToString();
    }

    private static int LastChange(List<(char Kind, string Line, int OldLine, int NewLine)> edits, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (edits[i].Kind != ' ')
            {
                return i;
            }
        }

        return start;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
