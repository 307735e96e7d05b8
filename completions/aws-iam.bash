# bash completion for aws-iam.
# Use: source <(aws-iam completion bash)   (e.g. in ~/.bashrc), or save it as
#      ~/.local/share/bash-completion/completions/aws-iam
# Live names (users, roles, policies...) are fetched within AWS_IAM_COMPLETION_TIMEOUT seconds (1.5)
# and cached for AWS_IAM_COMPLETION_CACHE_TTL seconds (60) under ${XDG_CACHE_HOME:-~/.cache}/aws-iam/completion.
_aws_iam_complete() {
    local program=${COMP_WORDS[0]} line candidate
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
    line=${COMP_LINE:0:COMP_POINT}
    COMPREPLY=()
    while IFS= read -r candidate; do
        [[ -n $candidate ]] && COMPREPLY+=("$candidate")
    done < <(command "$program" __complete -- bash "$line" "${COMP_WORDS[COMP_CWORD]}" 2>/dev/null)
}
complete -F _aws_iam_complete aws-iam
