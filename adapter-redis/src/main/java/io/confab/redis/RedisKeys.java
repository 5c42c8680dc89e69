package io.confab.redis;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;

/** Names of the keys and channels under one prefix. */
record RedisKeys(String prefix) {

    String conversationChannel(ConversationId conversation) {
        return conversationChannelPrefix() + conversation;
    }

    String userChannel(UserId user) {
        return userChannelPrefix() + user.value();
    }

    String conversationChannelPrefix() {
        return prefix + ":conv:";
    }

    String userChannelPrefix() {
        return prefix + ":user:";
    }

    /** The patterns one subscriber connection listens to: every conversation and user channel. */
    String[] channelPatterns() {
        return new String[] {conversationChannelPrefix() + "*", userChannelPrefix() + "*"};
    }

    String turnLog(TurnId turn) {
        return prefix + ":log:" + turn;
    }

    String latestTurn(ConversationId conversation) {
        return prefix + ":latest:" + conversation;
    }

    String rateWindow(UserId user, long window) {
        return prefix + ":rate:" + window + ":" + user.value();
    }
}
