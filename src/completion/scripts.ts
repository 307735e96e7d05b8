/**
 * The shell scripts, one per shell. Each only hands the command line up to the cursor to
 * `aws-iam __complete` and shows what it prints, so the operation table stays the one source
 * of commands, options and values. completions/ holds these texts as files (a test checks
 * they are identical); `aws-iam completion SHELL` prints them.
 *
 * Protocol: `aws-iam __complete -- SHELL LINE [BASH_WORD]` prints one candidate per line. The
 * words follow `--` so that the global option parser leaves them alone; stderr is discarded
 * so that nothing ever lands on the terminal while the user types.
 */

const BASH = `# bash completion for aws-iam.
# Use: source <(aws-iam completion bash)   (e.g. in ~/.bashrc), or save it as
#      ~/.local/share/bash-completion/completions/aws-iam
# Live names (users, roles, policies...) are fetched within AWS_IAM_COMPLETION_TIMEOUT seconds (1.5)
# and cached for AWS_IAM_COMPLETION_CACHE_TTL seconds (60) under \${XDG_CACHE_HOME:-~/.cache}/aws-iam/completion.
_aws_iam_complete() {
    local program=\${COMP_WORDS[0]} line candidate
    [[ $program == "~/"* ]] && program=$HOME/\${program#"~/"}
    line=\${COMP_LINE:0:COMP_POINT}
    COMPREPLY=()
    while IFS= read -r candidate; do
        [[ -n $candidate ]] && COMPREPLY+=("$candidate")
    done < <(command "$program" __complete -- bash "$line" "\${COMP_WORDS[COMP_CWORD]}" 2>/dev/null)
}
complete -F _aws_iam_complete aws-iam
`;

const ZSH = `#compdef aws-iam
# zsh completion for aws-iam.
# Use: save as _aws-iam in a directory on $fpath (before compinit runs), or
#      source <(aws-iam completion zsh)   after compinit in ~/.zshrc
# Live names (users, roles, policies...) are fetched within AWS_IAM_COMPLETION_TIMEOUT seconds (1.5)
# and cached for AWS_IAM_COMPLETION_CACHE_TTL seconds (60) under \${XDG_CACHE_HOME:-~/.cache}/aws-iam/completion.
_aws-iam() {
    local program=\${(Q)words[1]} line
    program=\${program/#\\~/$HOME}
    local -a candidates
    # The words before the current one as typed, then the part of the current word before the cursor.
    line="\${(j: :)words[1,CURRENT-1]} \${(q)PREFIX}"
    candidates=("\${(@f)$(command "$program" __complete -- zsh "$line" 2>/dev/null)}")
    candidates=(\${candidates:#})
    (( \${#candidates} )) && compadd -- "\${candidates[@]}"
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
    _aws-iam "$@"
else
    compdef _aws-iam aws-iam
fi
`;

const FISH = `# fish completion for aws-iam.
# Use: aws-iam completion fish > ~/.config/fish/completions/aws-iam.fish
# Live names (users, roles, policies...) are fetched within AWS_IAM_COMPLETION_TIMEOUT seconds (1.5)
# and cached for AWS_IAM_COMPLETION_CACHE_TTL seconds (60) under \${XDG_CACHE_HOME:-~/.cache}/aws-iam/completion.
function __aws_iam_complete
    set -l program (commandline -opc)[1]
    command $program __complete -- fish (commandline -cp) 2>/dev/null
end
complete -c aws-iam -f -a '(__aws_iam_complete)'
`;

export const COMPLETION_SCRIPTS = { bash: BASH, zsh: ZSH, fish: FISH } as const;
export type Shell = keyof typeof COMPLETION_SCRIPTS;

/** Where each script is shipped in the repository. */
export const SHIPPED_FILES: Readonly<Record<Shell, string>> = {
  bash: 'completions/aws-iam.bash',
  zsh: 'completions/_aws-iam',
  fish: 'completions/aws-iam.fish',
};
