# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unsaved_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)
from . import resources_rc

class Ui_UnsavedDialog(object):
    def setupUi(self, UnsavedDialog):
        if not UnsavedDialog.objectName():
            UnsavedDialog.setObjectName(u"UnsavedDialog")
        UnsavedDialog.resize(460, 150)
        UnsavedDialog.setModal(True)
        self.main_layout = QVBoxLayout(UnsavedDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.message_layout = QHBoxLayout()
        self.message_layout.setSpacing(12)
        self.message_layout.setObjectName(u"message_layout")
        self.icon_label = QLabel(UnsavedDialog)
        self.icon_label.setObjectName(u"icon_label")
        self.icon_label.setMinimumSize(QSize(32, 32))
        self.icon_label.setMaximumSize(QSize(32, 32))
        self.icon_label.setPixmap(QPixmap(u":/icons/warning.svg"))
        self.icon_label.setScaledContents(True)

        self.message_layout.addWidget(self.icon_label)

        self.message_label = QLabel(UnsavedDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.message_layout.addWidget(self.message_label)


        self.main_layout.addLayout(self.message_layout)

        self.detail_label = QLabel(UnsavedDialog)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)

        self.main_layout.addWidget(self.detail_label)

        self.button_box = QDialogButtonBox(UnsavedDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Discard|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(UnsavedDialog)
    # setupUi

    def retranslateUi(self, UnsavedDialog):
        UnsavedDialog.setWindowTitle(QCoreApplication.translate("UnsavedDialog", u"Ch\u01b0a l\u01b0u thay \u0111\u1ed5i", None))
        self.message_label.setText(QCoreApplication.translate("UnsavedDialog", u"B\u1ea1n \u0111\u00e3 s\u1eeda nh\u01b0ng ch\u01b0a l\u01b0u. L\u01b0u c\u00e1c thay \u0111\u1ed5i tr\u01b0\u1edbc khi ti\u1ebfp t\u1ee5c?", None))
        self.detail_label.setText("")
    # retranslateUi

