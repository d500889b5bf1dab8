namespace PaperGraph.Pipeline.Evaluation;

/// <summary>The Porter (1980) stemmer, used by the keyphrase benchmark protocol to compare phrases.</summary>
/// <remarks>
/// M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980, as in Porter's reference implementation
/// (including its <c>bli</c> → <c>ble</c> and <c>logi</c> → <c>log</c> departures from the paper). Words with characters
/// outside a–z are returned unchanged. Not thread-safe state is kept: every call works on its own buffer.
/// </remarks>
public static class PorterStemmer
{
    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return word;
            }
        }

        var s = new State(word.ToCharArray());
        s.Step1Ab();
        if (s.K > 0)
        {
            s.Step1C();
            s.Step2();
            s.Step3();
            s.Step4();
            s.Step5();
        }

        return new string(s.B, 0, s.K + 1);
    }

    private sealed class State(char[] b)
    {
        public char[] B { get; private set; } = b;

        public int K { get; private set; } = b.Length - 1;

        private int _j;

        public void Step1Ab()
        {
            if (B[K] == 's')
            {
                if (Ends("sses"))
                {
                    K -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (B[K - 1] != 's')
                {
                    K--;
                }
            }

            if (Ends("eed"))
            {
                if (Measure() > 0)
                {
                    K--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = _j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(K))
                {
                    K--;
                    if (B[K] is 'l' or 's' or 'z')
                    {
                        K++;
                    }
                }
                else if (Measure() == 1 && Cvc(K))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1C()
        {
            if (Ends("y") && VowelInStem())
            {
                B[K] = 'i';
            }
        }

        public void Step2()
        {
            if (K < 1)
            {
                return;
            }

            switch (B[K - 1])
            {
                case 'a':
                    _ = Replace("ational", "ate") || Replace("tional", "tion");
                    break;
                case 'c':
                    _ = Replace("enci", "ence") || Replace("anci", "ance");
                    break;
                case 'e':
                    _ = Replace("izer", "ize");
                    break;
                case 'l':
                    _ = Replace("bli", "ble") || Replace("alli", "al") || Replace("entli", "ent") || Replace("eli", "e") || Replace("ousli", "ous");
                    break;
                case 'o':
                    _ = Replace("ization", "ize") || Replace("ation", "ate") || Replace("ator", "ate");
                    break;
                case 's':
                    _ = Replace("alism", "al") || Replace("iveness", "ive") || Replace("fulness", "ful") || Replace("ousness", "ous");
                    break;
                case 't':
                    _ = Replace("aliti", "al") || Replace("iviti", "ive") || Replace("biliti", "ble");
                    break;
                case 'g':
                    _ = Replace("logi", "log");
                    break;
            }
        }

        public void Step3()
        {
            switch (B[K])
            {
                case 'e':
                    _ = Replace("icate", "ic") || Replace("ative", "") || Replace("alize", "al");
                    break;
                case 'i':
                    _ = Replace("iciti", "ic");
                    break;
                case 'l':
                    _ = Replace("ical", "ic") || Replace("ful", "");
                    break;
                case 's':
                    _ = Replace("ness", "");
                    break;
            }
        }

        public void Step4()
        {
            if (K < 1)
            {
                return;
            }

            var found = B[K - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => Ends("ion") && _j >= 0 && B[_j] is 's' or 't' || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (found && Measure() > 1)
            {
                K = _j;
            }
        }

        public void Step5()
        {
            _j = K;
            if (B[K] == 'e')
            {
                var m = Measure();
                if (m > 1 || m == 1 && !Cvc(K - 1))
                {
                    K--;
                }
            }

            if (B[K] == 'l' && DoubleConsonant(K) && Measure() > 1)
            {
                K--;
            }
        }

        private bool IsConsonant(int i) => B[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>Porter's m: the number of vowel-consonant sequences in B[0.._j], i.e. of vowels followed by a consonant.</summary>
        private int Measure()
        {
            var m = 0;
            for (var i = 1; i <= _j; i++)
            {
                if (IsConsonant(i) && !IsConsonant(i - 1))
                {
                    m++;
                }
            }

            return m;
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && B[j] == B[j - 1] && IsConsonant(j);

        private bool Cvc(int i) => i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && B[i] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix)
        {
            var length = suffix.Length;
            if (length > K + 1 || !B.AsSpan(K - length + 1, length).SequenceEqual(suffix))
            {
                return false;
            }

            _j = K - length;
            return true;
        }

        private void SetTo(string replacement)
        {
            var length = replacement.Length;
            if (_j + 1 + length > B.Length)
            {
                var bigger = new char[_j + 1 + length];
                Array.Copy(B, bigger, _j + 1);
                B = bigger;
            }

            replacement.CopyTo(0, B, _j + 1, length);
            K = _j + length;
        }

        private bool Replace(string suffix, string replacement)
        {
            if (!Ends(suffix))
            {
                return false;
            }

            if (Measure() > 0)
            {
                SetTo(replacement);
            }

            return true;
        }
    }
}
